using AlibabaEcsActivation.Testing;

namespace AlibabaEcsActivation.Cli.Tests.Support;

/// <summary>Faults the tests inject.</summary>
internal static class EcsFaultFor
{
    /// <summary>A permanent error: not retried, so the call fails at once.</summary>
    public static EcsFault Forbidden() => EcsFault.Error(403, "Forbidden.RAM", "User not authorized to operate on the specified resource.");
}
