using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// Every request the emulator received, oldest first, with secrets redacted. Bounded by
/// <see cref="EcsEmulatorOptions.MaxRecordedRequests"/> (the oldest are forgotten). Thread-safe.
/// </summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly Queue<RecordedRequest> _requests = new();
    private readonly List<(long Count, TaskCompletionSource Signal)> _waiters = new();
    private readonly List<TaskCompletionSource> _settledWaiters = new();
    private readonly int _capacity;
    private long _received;
    private long _unsettled;

    internal RequestLog(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>
    /// Raised once per request, when what the client got (<see cref="RecordedRequest.Outcome"/>) is known, on
    /// the thread that processed it. Handlers must not throw. After an <see cref="EcsFault.ActLate"/> whose
    /// client gave up, it is raised at once with <see cref="RequestOutcome.Abandoned"/>, before the late action
    /// runs; <see cref="WaitForSettledAsync"/> waits for that too.
    /// </summary>
    public event EventHandler<RecordedRequest>? Completed;

    /// <summary>How many requests have arrived since the emulator started (or since <see cref="Clear"/>).</summary>
    public long Received
    {
        get
        {
            lock (_gate)
            {
                return _received;
            }
        }
    }

    /// <summary>A snapshot of the recorded requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    /// <summary>Forgets the recorded requests and resets <see cref="Received"/>. Requests still in progress go on, and <see cref="WaitForSettledAsync"/> still waits for them.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            _received = 0;
        }
    }

    /// <summary>
    /// Completes once at least <paramref name="count"/> requests have arrived (recorded on arrival,
    /// before any delay), e.g. to cancel a call only after the emulator has its request.
    /// </summary>
    /// <param name="count">1 or more.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForRequestsAsync(long count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            if (_received >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Completes once every request received so far is settled (<see cref="RecordedRequest.IsSettled"/>): each
    /// has its outcome, and every <see cref="EcsFault.ActLate"/> action has run even where its client gave up.
    /// Use it before comparing the emulator's state with what the clients saw. Requests that arrive later are
    /// waited for only if they arrive before the last one settles. A request held by an infinite
    /// <see cref="EcsFault.Delay"/> settles only when its client gives up, so pass a token.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForSettledAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_unsettled == 0)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _settledWaiters.Add(signal);
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    internal RecordedRequest Add(Func<long, RecordedRequest> create)
    {
        RecordedRequest request;
        List<TaskCompletionSource>? ready = null;
        lock (_gate)
        {
            _unsettled++;
            request = create(++_received);
            _requests.Enqueue(request);
            while (_requests.Count > _capacity)
            {
                _requests.Dequeue();
            }

            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= _received)
                {
                    (ready ??= new()).Add(_waiters[i].Signal);
                    _waiters.RemoveAt(i);
                }
            }
        }

        ready?.ForEach(signal => signal.TrySetResult());
        return request;
    }

    /// <summary>The final verdict: what the client got and, if it ran, what the action answered.</summary>
    internal void Complete(RecordedRequest request, RequestOutcome outcome, int? statusCode, string? errorCode, EcsFault? fault, ActionResult? action = null) =>
        Change(request, new RecordedRequest.Verdict(outcome, statusCode, errorCode, fault, action, Settled: true));

    /// <summary>The client gave up while an <see cref="EcsFault.ActLate"/> action is still to run; <see cref="Settle"/> follows.</summary>
    internal void AbandonBeforeLateAction(RecordedRequest request, EcsFault fault) =>
        Change(request, new RecordedRequest.Verdict(RequestOutcome.Abandoned, null, null, fault, null, Settled: false));

    /// <summary>The late action of an abandoned request has run (<paramref name="action"/>), or never will (null).</summary>
    internal void Settle(RecordedRequest request, ActionResult? action) =>
        Change(request, request.Current with { Action = action, Settled = true });

    private void Change(RecordedRequest request, RecordedRequest.Verdict next)
    {
        bool outcomeKnown;
        List<TaskCompletionSource>? ready = null;
        lock (_gate)
        {
            RecordedRequest.Verdict previous = request.Current;
            if (previous.Settled)
            {
                return; // a verdict is final once settled
            }

            request.Set(next);
            outcomeKnown = previous.Outcome == RequestOutcome.Pending && next.Outcome != RequestOutcome.Pending;
            if (next.Settled && --_unsettled == 0 && _settledWaiters.Count > 0)
            {
                ready = new List<TaskCompletionSource>(_settledWaiters);
                _settledWaiters.Clear();
            }
        }

        if (outcomeKnown)
        {
            Completed?.Invoke(this, request);
        }

        ready?.ForEach(signal => signal.TrySetResult());
    }
}
