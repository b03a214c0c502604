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
    private readonly int _capacity;
    private long _received;

    internal RequestLog(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>Raised when a request's verdict is known (on the thread that processed it). Handlers must not throw.</summary>
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

    /// <summary>Forgets the recorded requests and resets <see cref="Received"/>.</summary>
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

    internal RecordedRequest Add(Func<long, RecordedRequest> create)
    {
        RecordedRequest request;
        List<TaskCompletionSource>? ready = null;
        lock (_gate)
        {
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

    internal void Complete(RecordedRequest request, RequestOutcome outcome, int? statusCode, string? errorCode, EcsFault? fault)
    {
        request.Complete(outcome, statusCode, errorCode, fault);
        Completed?.Invoke(this, request);
    }
}
