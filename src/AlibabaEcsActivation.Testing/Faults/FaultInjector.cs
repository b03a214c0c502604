using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// The emulator's script of faults. Each queued rule applies to the next <c>count</c> authenticated
/// requests that match its filters (action and/or activation ID); rules are tried in the order they
/// were queued and a request gets at most one fault. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch, count: 2);
/// emulator.Faults.Enqueue(EcsFault.Throttling(), activationId: "4ECEEE12-56F1-4FBC-9AB1-890F1234****");
/// emulator.Faults.Enqueue(EcsFault.DropConnection(), action: "DisableActivation");
/// </code>
/// </example>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = new();

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

    /// <summary>Forgets every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
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

            return null;
        }
    }

    private sealed class Rule(EcsFault fault, string? action, string? activationId)
    {
        public EcsFault Fault { get; } = fault;
        public string? Action { get; } = action;
        public string? ActivationId { get; } = activationId;
        public int Remaining { get; set; }
    }
}
