using System;

namespace AlibabaEcsActivation.Testing;

/// <summary>How a new <see cref="EcsEmulator"/> starts out.</summary>
public sealed class EcsEmulatorOptions
{
    /// <summary>The emulator's clock, for the <c>Timestamp</c> window, STS expiry and delays. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Whether to accept <c>testid</c>/<c>testsecret</c> from the start. Default true.</summary>
    public bool AddDefaultAccessKey { get; set; } = true;

    /// <summary>Whether to hold <see cref="EmulatedActivation.DocumentedExample"/> from the start. Default true.</summary>
    public bool SeedDocumentedExample { get; set; } = true;

    /// <summary>How far a request's <c>Timestamp</c> may be from the emulator's clock, either way. Default 15 minutes, as the service.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many requests <see cref="EcsEmulator.Requests"/> keeps (the oldest are forgotten). Default 10,000.</summary>
    public int MaxRecordedRequests { get; set; } = 10_000;

    /// <summary>
    /// The service's flow control: how many requests per second each AccessKey ID may send to each action
    /// (1 or more); null (the default) is unlimited. A request beyond it is answered as the service does, HTTP 400
    /// <c>Throttling.User</c> "Request was denied due to user flow control.", and its action does not run.
    /// </summary>
    /// <remarks>
    /// A token bucket per AccessKey ID and action, on the emulator's <see cref="TimeProvider"/>: it holds at most
    /// this many requests and starts full, and refills continuously at this many per second. So a burst of this
    /// many requests passes at once, then one more every 1/limit seconds; over any span <c>t</c> at most
    /// <c>limit × (1 + t)</c> requests pass. A rejected request takes nothing from the bucket.
    /// </remarks>
    public int? FlowControlLimit { get; set; }

    /// <summary>
    /// How long after its arrival every request is processed and answered, on the emulator's <see cref="TimeProvider"/>,
    /// like a round trip to a distant region; zero (the default) to a day. A client that gives up meanwhile is recorded as
    /// <see cref="RequestOutcome.Abandoned"/>, and its request does nothing (as with <see cref="EcsFault.Delay"/>,
    /// which adds to it). Flow control counts a request when it is processed.
    /// </summary>
    public TimeSpan Latency { get; set; }
}
