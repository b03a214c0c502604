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
    private readonly TimeProvider _clock;

    /// <summary>Creates an empty store on the system clock.</summary>
    public ActivationStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates an empty store whose registration rules (expiry) use <paramref name="clock"/>.</summary>
    internal ActivationStore(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>CreateActivation's ClientToken ledger, kept beside the codes it created.</summary>
    internal ClientTokenLedger ClientTokens { get; } = new();

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
    /// Simulates a server registering as a managed instance with the code (what the Cloud Assistant
    /// agent does with the code string): <see cref="EmulatedActivation.RegisteredCount"/> goes up by one.
    /// As the service documents, a disabled code cannot register new instances; neither can an expired
    /// one (older than its TimeToLiveInHours) or one whose <see cref="EmulatedActivation.InstanceCount"/> is used up.
    /// </summary>
    /// <param name="regionId">e.g. <c>cn-hangzhou</c>.</param>
    /// <param name="activationId">The code's ID.</param>
    /// <returns>The updated record.</returns>
    /// <exception cref="InvalidOperationException">No such code, or it is disabled, expired or used up.</exception>
    public EmulatedActivation Register(string regionId, string activationId)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        return Update(regionId, activationId, a =>
            a.Disabled ? throw Refused(a, "is disabled: disabled activation codes cannot register new instances")
            : now >= a.ExpiresAt ? throw Refused(a, "has expired")
            : a.RegisteredCount >= a.InstanceCount ? throw Refused(a, "has registered its InstanceCount of instances already")
            : a with { RegisteredCount = a.RegisteredCount + 1 })
            ?? throw NotFound(regionId, activationId);
    }

    /// <summary>
    /// Simulates deregistering one managed instance registered with the code:
    /// <see cref="EmulatedActivation.DeregisteredCount"/> goes up by one. Allowed on a disabled code.
    /// </summary>
    /// <param name="regionId">e.g. <c>cn-hangzhou</c>.</param>
    /// <param name="activationId">The code's ID.</param>
    /// <returns>The updated record.</returns>
    /// <exception cref="InvalidOperationException">No such code, or no instance of it is still registered.</exception>
    public EmulatedActivation Deregister(string regionId, string activationId) =>
        Update(regionId, activationId, a => a.InUseCount > 0
            ? a with { DeregisteredCount = a.DeregisteredCount + 1 }
            : throw Refused(a, "has no registered instance left to deregister"))
        ?? throw NotFound(regionId, activationId);

    /// <summary>
    /// Removes the code only if <paramref name="canRemove"/> holds for its current record, atomically
    /// (a concurrent registration cannot slip between the check and the removal).
    /// </summary>
    /// <returns>The removed record, or null when the code does not exist.</returns>
    internal EmulatedActivation? RemoveIf(string regionId, string activationId, Action<EmulatedActivation> canRemove)
    {
        var key = (regionId, activationId);
        while (_items.TryGetValue(key, out EmulatedActivation? current))
        {
            canRemove(current);
            if (_items.TryRemove(new KeyValuePair<(string, string), EmulatedActivation>(key, current)))
            {
                return current;
            }
        }

        return null;
    }

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

    private static InvalidOperationException Refused(EmulatedActivation a, string why) =>
        new($"Activation {a.ActivationId} in {a.RegionId} {why}.");

    private static InvalidOperationException NotFound(string regionId, string activationId) =>
        new($"No activation {activationId} in {regionId}.");
}
