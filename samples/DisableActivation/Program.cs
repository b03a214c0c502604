using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Testing;
using DisableActivationSample;

// Disables one ECS activation code and prints it. Exit codes: 0 done, 1 the call failed, 2 usage error.
// Without credentials, --region and --endpoint it runs against a local emulator.
if (CommandLine.Parse(args, out int parseExitCode) is not CommandLine options)
{
    return parseExitCode;
}

// No credentials and no target given: run against the local emulator, so the sample works on a fresh machine.
// The chain answers offline, so an ECS instance's RAM role counts only when named: on ECS, pass --region.
bool useEmulator = new DefaultCredentialsProvider().FindConfiguredProvider() is null && options.Region is null && options.Endpoint is null;
if (options.ActivationId is null && !options.AllEnabled && !useEmulator)
{
    Console.Error.WriteLine("--activation-id is required.");
    CommandLine.WriteUsage(Console.Error);
    return 2;
}

// Disabling cannot be undone, so the bulk mode never falls back to a default region on Alibaba Cloud.
if (options.AllEnabled && !useEmulator && options.Region is null && options.Endpoint is null)
{
    Console.Error.WriteLine("--all-enabled needs --region: it disables every enabled activation code in that region.");
    return 2;
}

string activationId = options.ActivationId ?? EmulatedActivation.DocumentedExample.ActivationId;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

EcsEmulator? localEmulator = useEmulator ? new EcsEmulator() : null;
EcsEmulatorServer? emulator = localEmulator is null ? null : await localEmulator.StartServerAsync(cancellationToken: cancel.Token);
try
{
    if (emulator is not null)
    {
        Console.Error.WriteLine($"No Alibaba Cloud credentials configured (no {EnvironmentCredentialsProvider.AccessKeyIdVariable} / {EnvironmentCredentialsProvider.AccessKeySecretVariable}, aliyun CLI profile or credentials file):");
        Console.Error.WriteLine($"running against the local ECS emulator at {emulator.BaseAddress}; nothing is sent to Alibaba Cloud.");
    }

    if (localEmulator is not null && options.AllEnabled)
    {
        AllEnabledCommand.SeedEmulator(localEmulator);
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
        int exitCode = options.AllEnabled
            ? await AllEnabledCommand.RunAsync(client, options, cancel.Token)
            : await DisableAsync(client, activationId, options, cancel.Token);
        if (emulator is not null && options.AllEnabled)
        {
            AllEnabledCommand.PrintEmulatorEpilogue();
        }
        else if (emulator is not null)
        {
            Console.Error.WriteLine("That was the local emulator. To disable a real activation code on Alibaba Cloud, set");
            Console.Error.WriteLine($"{EnvironmentCredentialsProvider.AccessKeyIdVariable} and {EnvironmentCredentialsProvider.AccessKeySecretVariable} (or configure an aliyun CLI profile), then run:");
            Console.Error.WriteLine("  dotnet run --project samples/DisableActivation -- --region <region> --activation-id <id>");
        }

        return exitCode;
    }
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}

static async Task<int> DisableAsync(IEcsActivationClient client, string activationId, CommandLine options, CancellationToken cancellationToken)
{
    try
    {
        DisableActivationResponse response = await client.DisableActivationAsync(
            new DisableActivationRequest(activationId) { RegionId = options.Region }, cancellationToken);
        Print(response, options.Json);
        return 0;
    }
    catch (Exception e) when (FailureReport.Handles(e))
    {
        return FailureReport.Print(e);
    }
}

static void Print(DisableActivationResponse response, bool json)
{
    if (json)
    {
        Console.WriteLine(JsonSerializer.Serialize(response, SampleJsonContext.Default.DisableActivationResponse));
        return;
    }

    Activation a = response.Activation;
    Console.WriteLine($"ActivationId:      {a.ActivationId}");
    Console.WriteLine($"Disabled:          {(a.Disabled ? "true" : "false")}");
    Console.WriteLine($"InstanceName:      {a.InstanceName}");
    Console.WriteLine($"Description:       {a.Description}");
    Console.WriteLine($"InstanceCount:     {a.InstanceCount}");
    Console.WriteLine($"RegisteredCount:   {a.RegisteredCount}");
    Console.WriteLine($"DeregisteredCount: {a.DeregisteredCount}");
    Console.WriteLine($"IpAddressRange:    {a.IpAddressRange}");
    Console.WriteLine($"TimeToLiveInHours: {a.TimeToLiveInHours}");
    Console.WriteLine($"CreationTime:      {a.CreationTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
    Console.WriteLine($"RequestId:         {response.RequestId}");
}
