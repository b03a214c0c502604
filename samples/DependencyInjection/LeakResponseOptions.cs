using System.Collections.Generic;

namespace DependencyInjectionSample;

/// <summary>What the worker does: which activation codes to disable, and whether to use the local emulator.</summary>
public sealed class LeakResponseOptions
{
    /// <summary>The activation codes believed leaked.</summary>
    public List<string> ActivationIds { get; } = new();

    /// <summary>True runs against an in-process emulator instead of Alibaba Cloud (set false in production).</summary>
    public bool UseLocalEmulator { get; set; }
}
