using System;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Support;

/// <summary>
/// Base of the SDK-over-HTTP tests: a fresh emulator and its loopback server per test, and clients
/// pointed at it with testid/testsecret and 1 ms retry delays.
/// </summary>
public abstract class LoopbackEmulatorTest : IAsyncLifetime
{
    protected const string SeededId = "4ECEEE12-56F1-4FBC-9AB1-890F1234****";

    protected EcsEmulator Emulator { get; } = new();

    protected EcsEmulatorServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Emulator.StartServerAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    protected EcsActivationClient CreateClient(Action<EcsActivationClientOptions>? configure = null, Func<string>? nonceSource = null) =>
        new(Options(Server.BaseAddress.ToString(), configure), httpClient: null, loggerFactory: null, nonceSource);

    internal static EcsActivationClientOptions Options(string endpoint, Action<EcsActivationClientOptions>? configure = null)
    {
        var options = new EcsActivationClientOptions
        {
            RegionId = "cn-hangzhou",
            Endpoint = endpoint,
            AccessKeyId = EcsEmulator.DefaultAccessKeyId,
            AccessKeySecret = EcsEmulator.DefaultAccessKeySecret,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        return options;
    }

    protected EmulatedActivation Seed(string activationId, string regionId = "cn-hangzhou") =>
        Emulator.Activations.Put(EmulatedActivation.DocumentedExample with { ActivationId = activationId, RegionId = regionId });
}
