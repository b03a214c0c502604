using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlibabaEcsActivation.Testing;

namespace AlibabaEcsActivation.IntegrationTests.Support;

/// <summary>Activation codes for the lifecycle tests, with IDs that sort in the order they were made.</summary>
internal static class ActivationSeeds
{
    /// <summary>Puts <paramref name="count"/> enabled, unused codes <c>{prefix}-000</c>, <c>{prefix}-001</c>, … into <paramref name="emulator"/>; returns their IDs in order.</summary>
    public static IReadOnlyList<string> Add(EcsEmulator emulator, int count, string prefix = "seed", Func<EmulatedActivation, EmulatedActivation>? shape = null) =>
        Enumerable.Range(0, count)
            .Select(i => emulator.Activations.Put((shape ?? (a => a))(Unused(prefix + "-" + i.ToString("D3", CultureInfo.InvariantCulture)))).ActivationId)
            .ToList();

    /// <summary>The documented example with another ID and no registered instance.</summary>
    public static EmulatedActivation Unused(string activationId, string regionId = "cn-hangzhou") =>
        EmulatedActivation.DocumentedExample with { ActivationId = activationId, RegionId = regionId, RegisteredCount = 0, DeregisteredCount = 0 };
}
