using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// The emulator's script of faults. Each queued rule applies to the next <c>count</c> authenticated
/// requests that match its filters (action and/or activation ID); rules are tried in the order they
/// were queued and a request gets at most one fault. A request that no rule matched may get a fault
/// from the random mix, if one is set (<see cref="SetMix"/>), for soak tests. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch, count: 2);
/// emulator.Faults.Enqueue(EcsFault.Throttling(), activationId: "4ECEEE12-56F1-4FBC-9AB1-890F1234****");
/// emulator.Faults.Enqueue(EcsFault.DropConnection(), action: "DisableActivation");
/// // 30% of the other requests get one of these, drawn at random from seed 42:
/// emulator.Faults.SetMix(0.3, 42, EcsFault.ActThenReset(), EcsFault.ActThenTruncate(), EcsFault.InternalErrorDispatch);
/// </code>
/// </example>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = new();
    private Mix? _mix;

    /// <summary>How many fault applications are still queued, all rules together.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                int total = 0;
                foreach (Rule rule in _rules)
                {
                    total += rule.Remaining;
                }

                return total;
            }
        }
    }

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="count"/> matching requests.</summary>
    /// <param name="fault">What to do, e.g. <see cref="EcsFault.InternalErrorDispatch"/>.</param>
    /// <param name="count">How many requests it applies to (1 or more).</param>
    /// <param name="action">Only requests for this action (e.g. <c>DisableActivation</c>); null for any.</param>
    /// <param name="activationId">Only requests whose <c>ActivationId</c> is this; null for any.</param>
    public void Enqueue(EcsFault fault, int count = 1, string? action = null, string? activationId = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _rules.Add(new Rule(fault, action, activationId) { Remaining = count });
        }
    }

    /// <summary>Forgets every queued fault. The mix, if set, stays: see <see cref="ClearMix"/>.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>
    /// Sets a random mix of faults for soak tests, replacing any mix set before. Every authenticated request
    /// that no queued rule matched draws once: with probability <paramref name="rate"/> it gets one of
    /// <paramref name="faults"/>, each equally likely (list a fault twice to double its share); otherwise
    /// none. The draws come from one pseudo-random sequence seeded with <paramref name="seed"/>, so a
    /// sequential run is repeatable; with concurrent callers the sequence is the same but which request
    /// gets which draw follows the order the requests arrive in. Which fault each request got is in
    /// <see cref="RecordedRequest.Fault"/>. The mix stays until <see cref="ClearMix"/> (or another <c>SetMix</c>).
    /// </summary>
    /// <param name="rate">The share of requests faulted, 0 to 1 (0 faults none, 1 every one).</param>
    /// <param name="seed">Seeds the draws; the same seed draws the same sequence.</param>
    /// <param name="faults">The faults to draw from; at least one, none null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not within 0 to 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="faults"/> is empty or holds a null.</exception>
    public void SetMix(double rate, int seed, params EcsFault[] faults)
    {
        if (!(rate >= 0 && rate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate is a probability, from 0 to 1.");
        }

        ArgumentNullException.ThrowIfNull(faults);
        if (faults.Length == 0 || Array.IndexOf(faults, null) >= 0)
        {
            throw new ArgumentException("The mix needs at least one fault, and no null.", nameof(faults));
        }

        var mix = new Mix(rate, new Random(seed), (EcsFault[])faults.Clone());
        lock (_gate)
        {
            _mix = mix;
        }
    }

    /// <summary>Stops the random mix set with <see cref="SetMix"/>; queued rules are kept.</summary>
    public void ClearMix()
    {
        lock (_gate)
        {
            _mix = null;
        }
    }

    /// <summary>Takes the fault for one request, if a rule matches.</summary>
    internal EcsFault? Take(string? action, string? activationId)
    {
        lock (_gate)
        {
            for (int i = 0; i < _rules.Count; i++)
            {
                Rule rule = _rules[i];
                if ((rule.Action is null || rule.Action == action) && (rule.ActivationId is null || rule.ActivationId == activationId))
                {
                    if (--rule.Remaining == 0)
                    {
                        _rules.RemoveAt(i);
                    }

                    return rule.Fault;
                }
            }

            return _mix?.Draw();
        }
    }

    /// <summary>The random mix; drawn under the injector's lock (<see cref="Random"/> is not thread-safe).</summary>
    private sealed class Mix(double rate, Random random, EcsFault[] faults)
    {
        public EcsFault? Draw() => random.NextDouble() < rate ? faults[random.Next(faults.Length)] : null;
    }

    private sealed class Rule(EcsFault fault, string? action, string? activationId)
    {
        public EcsFault Fault { get; } = fault;
        public string? Action { get; } = action;
        public string? ActivationId { get; } = activationId;
        public int Remaining { get; set; }
    }
}
