using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing;
using EcsEmulatorHost;

// Runs the ECS activation emulator on 127.0.0.1 for any HTTP client. Exit codes: 0 stopped, 2 usage error.
if (HostOptions.Parse(args, out int parseExitCode) is not HostOptions options)
{
    return parseExitCode;
}

bool defaultKey = options.AccessKeys.Count == 0 && options.StsTokens.Count == 0;
var emulator = new EcsEmulator(new EcsEmulatorOptions
{
    AddDefaultAccessKey = defaultKey,
    FlowControlLimit = options.FlowControlLimit,
    Latency = TimeSpan.FromMilliseconds(options.LatencyMilliseconds),
});
foreach (var (id, secret) in options.AccessKeys)
{
    emulator.Credentials.AddAccessKey(id, secret);
}

foreach (var (id, secret, token) in options.StsTokens)
{
    emulator.Credentials.AddStsToken(id, secret, token);
}

if (!options.Quiet)
{
    emulator.Requests.Completed += (_, request) => Console.Error.WriteLine(request);
}

var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopped.TrySetResult(); });

await using (EcsEmulatorServer server = await emulator.StartServerAsync(options.Port))
{
    // Scripts wait for this exact line: print it first, and flush, as soon as requests are accepted.
    Console.Out.WriteLine($"Listening on {server.BaseAddress.GetLeftPart(UriPartial.Authority)}");
    Console.Out.Flush();
    Console.WriteLine(defaultKey
        ? $"Access key: {EcsEmulator.DefaultAccessKeyId} / {EcsEmulator.DefaultAccessKeySecret} (the default; --access-key ID:SECRET replaces it)"
        : $"Access keys: {string.Join(", ", emulator.Credentials.AccessKeyIds)} (secrets as given)");
    Console.WriteLine($"Seeded activation: {EmulatedActivation.DocumentedExample.ActivationId} in {EmulatedActivation.DocumentedExample.RegionId}");
    Console.WriteLine("Press Ctrl+C to stop.");
    Console.Out.Flush();
    await stopped.Task;
}

Console.WriteLine("Stopped.");
return 0;
