using System;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing.Requests;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// A local, stateful emulator of the ECS activation-code API, strict like the real service: it
/// verifies RPC v1 signatures, timestamps, nonces and STS tokens, answers in JSON or XML with the
/// documented error bodies, and can be scripted to misbehave. Reach it through an in-process
/// handler (<see cref="CreateHandler"/>, no sockets) or a loopback web server
/// (<see cref="StartServerAsync"/>); both share this one state. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var emulator = new EcsEmulator();
/// using var client = new EcsActivationClient(
///     new EcsActivationClientOptions { RegionId = "cn-hangzhou", Endpoint = "http://127.0.0.1", AccessKeyId = "testid", AccessKeySecret = "testsecret" },
///     new HttpClient(emulator.CreateHandler()));
/// await client.DisableActivationAsync("4ECEEE12-56F1-4FBC-9AB1-890F1234****");
/// </code>
/// </example>
public sealed class EcsEmulator
{
    /// <summary>The AccessKey ID accepted by default: <c>testid</c>.</summary>
    public const string DefaultAccessKeyId = "testid";

    /// <summary>The secret of <see cref="DefaultAccessKeyId"/>: <c>testsecret</c>.</summary>
    public const string DefaultAccessKeySecret = "testsecret";

    /// <summary>Creates an emulator; by default it accepts <c>testid</c>/<c>testsecret</c> and holds the documented example activation.</summary>
    /// <param name="options">Clock, seeding and limits; null for the defaults.</param>
    public EcsEmulator(EcsEmulatorOptions? options = null)
    {
        options ??= new EcsEmulatorOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TimestampWindow, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRecordedRequests, 1);
        if (options.FlowControlLimit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(options.FlowControlLimit));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Latency, TimeSpan.Zero, nameof(options.Latency));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Latency, TimeSpan.FromDays(1), nameof(options.Latency));
        TimeProvider = options.TimeProvider;
        Requests = new RequestLog(options.MaxRecordedRequests);
        Activations = new ActivationStore(TimeProvider);
        if (options.AddDefaultAccessKey)
        {
            Credentials.AddAccessKey(DefaultAccessKeyId, DefaultAccessKeySecret);
        }

        if (options.SeedDocumentedExample)
        {
            Activations.Put(EmulatedActivation.DocumentedExample);
        }

        FlowControlBuckets? flowControl = options.FlowControlLimit is { } perSecond ? new FlowControlBuckets(perSecond, TimeProvider) : null;
        Pipeline = new RequestPipeline(Activations, Credentials, Faults, Requests, TimeProvider, options.TimestampWindow, flowControl, options.Latency);
    }

    /// <summary>
    /// The activation codes, per region. Add your own with <see cref="ActivationStore.Put"/>; simulate
    /// servers registering and deregistering with <see cref="ActivationStore.Register"/> / <see cref="ActivationStore.Deregister"/>.
    /// </summary>
    public ActivationStore Activations { get; }

    /// <summary>The AccessKeys (and STS tokens) accepted.</summary>
    public EmulatorCredentials Credentials { get; } = new();

    /// <summary>The script of faults to inject.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Every request received, secrets redacted, with its verdict.</summary>
    public RequestLog Requests { get; }

    /// <summary>The emulator's clock.</summary>
    public TimeProvider TimeProvider { get; }

    internal RequestPipeline Pipeline { get; }

    /// <summary>An in-process handler: give it to an <see cref="System.Net.Http.HttpClient"/>; any URL reaches this emulator, nothing touches the network.</summary>
    public EcsEmulatorHandler CreateHandler() => new(this);

    /// <summary>Starts a web server for this emulator on 127.0.0.1 only.</summary>
    /// <param name="port">The TCP port; 0 (default) picks a free one, see <see cref="EcsEmulatorServer.BaseAddress"/>.</param>
    /// <param name="cancellationToken">Stops the start-up.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public Task<EcsEmulatorServer> StartServerAsync(int port = 0, CancellationToken cancellationToken = default) =>
        EcsEmulatorServer.StartAsync(this, port, cancellationToken);
}
