using System;
using System.Reflection;
using System.Runtime.Versioning;

namespace AlibabaEcsActivation.Tests.Infrastructure;

/// <summary>
/// Which build of the library these tests run against: the net8.0 or net10.0 build (this project's own
/// target framework), or the netstandard2.0 build (the same sources compiled in AlibabaEcsActivation.Tests.NetStandard).
/// </summary>
public static class LibraryBuild
{
    public static string TargetFramework { get; } = FrameworkOf(typeof(EcsActivationClient).Assembly);

    /// <summary>The netstandard2.0 build, the one .NET Framework apps get.</summary>
    public static bool IsNetStandard => TargetFramework.StartsWith(".NETStandard,", StringComparison.Ordinal);

    public static string FrameworkOf(Assembly assembly) =>
        assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName ?? "(none)";
}
