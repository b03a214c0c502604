using System.Diagnostics;
using System.Reflection;

namespace AlibabaEcsActivation.Diagnostics;

/// <summary>
/// Names to subscribe to for traces and logs. Each call starts one activity named after its action
/// (e.g. <c>DisableActivation</c>), tagged with region, attempts, status and error code.
/// </summary>
public static class EcsActivationDiagnostics
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name, for OpenTelemetry's <c>AddSource</c>.</summary>
    public const string ActivitySourceName = "AlibabaEcsActivation";

    /// <summary>The logger category the client writes to.</summary>
    public const string LoggerCategory = "AlibabaEcsActivation.EcsActivationClient";

    internal static readonly string Version =
        typeof(EcsActivationDiagnostics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName, Version);
}
