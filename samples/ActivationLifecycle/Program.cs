using System;
using System.Threading;
using System.Threading.Tasks;
using ActivationLifecycleSample;
using AlibabaEcsActivation;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Testing;

// Walks the life of an activation code: create → describe all → disable → delete.
// Exit codes: 0 done, 1 a call failed, 2 usage error. Without credentials, --region and --endpoint it
// runs against a local emulator (the same check as samples/DisableActivation).
if (CommandLine.Parse(args, out int parseExitCode) is not CommandLine options)
{
    return parseExitCode;
}

bool useEmulator = new DefaultCredentialsProvider().FindConfiguredProvider() is null && options.Region is null && options.Endpoint is null;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

EcsEmulatorServer? emulator = useEmulator ? await new EcsEmulator().StartServerAsync(cancellationToken: cancel.Token) : null;
try
{
    if (emulator is not null)
    {
        Console.Error.WriteLine($"No Alibaba Cloud credentials configured (no {EnvironmentCredentialsProvider.AccessKeyIdVariable} / {EnvironmentCredentialsProvider.AccessKeySecretVariable}, aliyun CLI profile or credentials file):");
        Console.Error.WriteLine($"running against the local ECS emulator at {emulator.BaseAddress}; nothing is sent to Alibaba Cloud.");
    }

    EcsActivationClient client;
    try
    {
        client = new EcsActivationClient(new EcsActivationClientOptions
        {
            RegionId = options.Region ?? "cn-hangzhou",
            Endpoint = emulator?.BaseAddress.ToString() ?? options.Endpoint,
            AccessKeyId = emulator is null ? null : EcsEmulator.DefaultAccessKeyId,
            AccessKeySecret = emulator is null ? null : EcsEmulator.DefaultAccessKeySecret,
            SignatureAlgorithm = options.SignatureAlgorithm ?? EcsSignatureAlgorithm.HmacSha1,
        });
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }

    using (client)
    {
        return await LifecycleWalk.RunAsync(client, options.ClientToken, cancel.Token);
    }
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
