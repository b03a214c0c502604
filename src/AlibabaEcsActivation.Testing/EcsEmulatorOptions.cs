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
}
