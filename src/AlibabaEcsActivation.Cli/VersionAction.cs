using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace AlibabaEcsActivation.Cli;

/// <summary><c>--version</c>: "ecs-activation 0.1.0", the tool's own version (not the host process's).</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version
    {
        get
        {
            string? informational = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            // Source Link appends "+<commit>": the version alone is what users compare.
            return informational?.Split('+')[0] ?? typeof(VersionAction).Assembly.GetName().Version?.ToString() ?? "unknown";
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine($"ecs-activation {Version}");
        return 0;
    }
}
