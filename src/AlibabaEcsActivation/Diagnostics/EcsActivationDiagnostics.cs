using System.Diagnostics;
using System.Reflection;

namespace AlibabaEcsActivation.Diagnostics;

/// <summary>
/// Names to subscribe to for traces, metrics and logs. Each call starts one client span named
/// <c>Ecs/{action}</c> (e.g. <c>Ecs/DisableActivation</c>) and records its duration and its retries on
/// the meter, following OpenTelemetry's RPC semantic conventions (README, "Observability").
/// </summary>
public static class EcsActivationDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name, for OpenTelemetry's <c>AddSource</c>.</summary>
    public const string ActivitySourceName = "AlibabaEcsActivation";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name, for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "AlibabaEcsActivation";

    /// <summary>The logger category the client writes to.</summary>
    public const string LoggerCategory = "AlibabaEcsActivation.EcsActivationClient";

    internal static readonly string Version =
        typeof(EcsActivationDiagnostics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName, Version);
}
