using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// The emulator's activation codes, per region, in memory. Thread-safe: every change is an atomic
/// compare-and-swap of one immutable record, so concurrent calls never lose an update.
/// </summary>
public sealed class ActivationStore
{
    private readonly ConcurrentDictionary<(string RegionId, string ActivationId), EmulatedActivation> _items = new();

    /// <summary>How many activation codes the store holds, all regions together.</summary>
    public int Count => _items.Count;

    /// <summary>Adds an activation code, or replaces the one with the same region and ID.</summary>
    /// <param name="activation">The record; its <see cref="EmulatedActivation.RegionId"/> says which region holds it.</param>
    /// <returns>The record stored.</returns>
    public EmulatedActivation Put(EmulatedActivation activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentException.ThrowIfNullOrEmpty(activation.ActivationId);
        ArgumentException.ThrowIfNullOrEmpty(activation.RegionId);
        _items[(activation.RegionId, activation.ActivationId)] = activation;
        return activation;
    }

    /// <summary>The activation code <paramref name="activationId"/> in <paramref name="regionId"/>, or null.</summary>
    /// <param name="regionId">e.g. <c>cn-hangzhou</c>.</param>
    /// <param name="activationId">e.g. <c>4ECEEE12-56F1-4FBC-9AB1-890F1234****</c>.</param>
    public EmulatedActivation? Find(string regionId, string activationId) =>
        _items.TryGetValue((regionId, activationId), out EmulatedActivation? activation) ? activation : null;

    /// <summary>Removes an activation code; true when it existed.</summary>
    /// <param name="regionId">e.g. <c>cn-hangzhou</c>.</param>
    /// <param name="activationId">The code's ID.</param>
    public bool Remove(string regionId, string activationId) => _items.TryRemove((regionId, activationId), out _);

    /// <summary>A snapshot of the activation codes in one region, ordered by ID (ordinal).</summary>
    /// <param name="regionId">e.g. <c>cn-hangzhou</c>.</param>
    public IReadOnlyList<EmulatedActivation> InRegion(string regionId) =>
        _items.Values.Where(a => a.RegionId == regionId).OrderBy(a => a.ActivationId, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Applies <paramref name="change"/> atomically and returns the new record, or null when the code
    /// does not exist. <paramref name="change"/> may run more than once under contention, so it must be pure.
    /// </summary>
    internal EmulatedActivation? Update(string regionId, string activationId, Func<EmulatedActivation, EmulatedActivation> change)
    {
        var key = (regionId, activationId);
        while (_items.TryGetValue(key, out EmulatedActivation? current))
        {
            EmulatedActivation next = change(current);
            if (_items.TryUpdate(key, next, current))
            {
                return next;
            }
        }

        return null;
    }
}
