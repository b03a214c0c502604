using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.FlowControl;

/// <summary>
/// How fast one bulk run goes, learnt from the service's answers: how many calls may be in flight
/// (<see cref="Concurrency"/>) and how often an attempt, retries included, may start (<see cref="Rate"/>).
/// Every answer the service accepts lets one more call in (up to the bound) and raises the rate; a <c>Throttling</c>
/// answer halves the concurrency and sets the rate to a fraction of what the service accepted over the last second.
/// Thread-safe; one per bulk run.
/// </summary>
/// <remarks>
/// The service limits requests per second, so concurrency alone cannot keep under its limit: one call in flight
/// at a 1 ms round trip already makes a thousand requests a second. Hence the pace, as in the AWS SDK's
/// "adaptive" retry mode: unpaced until the first throttling, then a rate that drops multiplicatively on
/// throttling and grows while answers come back accepted. At a 200 ms round trip the concurrency is what
/// limits instead, so it grows up to its bound while calls succeed.
/// <para>
/// Throttling answers that arrive together say one thing: the attempts that were already under way when the
/// service began to throttle were sent at the old pace. Only an attempt paced since the last backoff (the same
/// <see cref="FlowTurn.Epoch"/>) backs off again, so a burst of them does not collapse the rate. Conversely a
/// backoff takes effect at once: the next turn is one new interval away, and attempts still waiting on turns
/// handed out at the old pace take new ones.
/// </para>
/// </remarks>
internal sealed class FlowController
{
    /// <summary>The concurrency a run starts with (or its bound, if lower): enough for a slow round trip to begin near the service's pace.</summary>
    public const int InitialConcurrency = 8;

    /// <summary>On throttling, the new rate is this fraction of the rate the service accepted over the last second.</summary>
    public const double RateBackoff = 0.8;

    /// <summary>
    /// How much each accepted answer raises the rate, in attempts per second. Answers arrive at about the rate
    /// itself, so the rate grows by about half of itself each second: back above the service's limit within
    /// half a second of a backoff, whatever the limit.
    /// </summary>
    public const double RateGrowthPerAnswer = 0.5;

    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly int _maxConcurrency;
    private readonly double _minimumRate;
    private readonly TimeSpan _longestWait;
    private readonly Queue<TaskCompletionSource<bool>> _waiting = new();

    // When each answer the service accepted over the last second arrived.
    private readonly Queue<long> _accepted = new();
    private int _inFlight;
    private int _epoch;
    private long _nextTurn;
    private long _acceptedInRun;

    /// <param name="maxConcurrency">The bound on <see cref="Concurrency"/>, 1 or more.</param>
    /// <param name="minimumRate">The slowest pace, in attempts per second, however often the service throttles.</param>
    /// <param name="longestWait">The longest any one wait for a turn lasts, like any backoff (<c>RetryMaxDelay</c>); a backoff meanwhile starts another.</param>
    /// <param name="clock">The client's clock.</param>
    public FlowController(int maxConcurrency, double minimumRate, TimeSpan longestWait, TimeProvider clock)
    {
        _maxConcurrency = maxConcurrency;
        _minimumRate = minimumRate;
        _longestWait = longestWait;
        _clock = clock;
        Concurrency = Math.Min(InitialConcurrency, maxConcurrency);
    }

    /// <summary>How many calls may be in flight now: 1 to the bound.</summary>
    public int Concurrency { get; private set; }

    /// <summary>How many attempts may start per second; infinite until the service first throttles.</summary>
    public double Rate { get; private set; } = double.PositiveInfinity;

    /// <summary>How many answers the service has accepted in this run so far: whether it took any call over a stretch of time.</summary>
    public long AcceptedInRun => Interlocked.Read(ref _acceptedInRun);

    /// <summary>How many calls are in flight (entered and not yet exited).</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Waits until fewer than <see cref="Concurrency"/> calls are in flight, then counts one more; first come, first served.</summary>
    public Task EnterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<bool> entry;
        lock (_gate)
        {
            if (_inFlight < Concurrency && _waiting.Count == 0)
            {
                _inFlight++;
                return Task.CompletedTask;
            }

            entry = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(entry);
        }

        return WaitToEnterAsync(entry, cancellationToken);
    }

    /// <summary>One call has ended: lets the next waiting one in, if the concurrency allows.</summary>
    public void Exit()
    {
        lock (_gate)
        {
            _inFlight--;
            AdmitWaiting();
        }
    }

    /// <summary>
    /// Waits for the next attempt's turn at the current <see cref="Rate"/> (at most the longest wait); the turn is
    /// given back with the answer.
    /// </summary>
    public async ValueTask<FlowTurn> WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait = TimeSpan.Zero;
            int epoch;
            lock (_gate)
            {
                epoch = _epoch;
                if (!double.IsPositiveInfinity(Rate))
                {
                    long now = _clock.GetTimestamp();
                    long turn = Math.Max(now, _nextTurn);
                    _nextTurn = turn + Interval;
                    wait = TimeSpan.FromTicks((long)((turn - now) * ((double)TimeSpan.TicksPerSecond / _clock.TimestampFrequency)));
                    wait = wait < _longestWait ? wait : _longestWait;
                }
            }

            if (wait <= TimeSpan.Zero)
            {
                return new FlowTurn(epoch);
            }

#if NET8_0_OR_GREATER
            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
#else
            await _clock.Delay(wait, cancellationToken).ConfigureAwait(false);
#endif
            lock (_gate)
            {
                if (epoch == _epoch)
                {
                    return new FlowTurn(epoch);
                }
            }

            // The controller backed off while this attempt waited: its turn was given at the old pace, and the
            // turns handed out ahead would keep the old pace for as long. It takes a new one at the new pace.
        }
    }

    /// <summary>
    /// The service answered the attempt of <paramref name="turn"/>: with <c>Throttling</c>, or with anything else it
    /// accepted (a success, or an error that is not about the rate). Answers that never came tell nothing.
    /// </summary>
    public void Answered(FlowTurn turn, bool throttled)
    {
        lock (_gate)
        {
            long now = _clock.GetTimestamp();
            while (_accepted.Count > 0 && now - _accepted.Peek() >= _clock.TimestampFrequency)
            {
                _accepted.Dequeue();
            }

            if (throttled)
            {
                if (turn.Epoch == _epoch)
                {
                    _epoch++;
                    Rate = Math.Max(_minimumRate, RateBackoff * Math.Min(Rate, _accepted.Count));
                    Concurrency = Math.Max(1, Concurrency / 2);
                    _nextTurn = now + Interval; // the service has just said it has no room: the next turn is one new interval away
                }

                return;
            }

            _accepted.Enqueue(now);
            Interlocked.Increment(ref _acceptedInRun);
            if (!double.IsPositiveInfinity(Rate))
            {
                Rate += RateGrowthPerAnswer;
            }

            if (Concurrency < _maxConcurrency)
            {
                Concurrency++;
                AdmitWaiting();
            }
        }
    }

    /// <summary>The time between two turns at the current <see cref="Rate"/>, in the clock's timestamp units.</summary>
    private long Interval => (long)Math.Ceiling(_clock.TimestampFrequency / Rate);

    private static async Task WaitToEnterAsync(TaskCompletionSource<bool> entry, CancellationToken cancellationToken)
    {
        // A cancelled entry stays queued; AdmitWaiting skips it.
        using (cancellationToken.Register(() => entry.TrySetCanceled(cancellationToken)))
        {
            await entry.Task.ConfigureAwait(false);
        }
    }

    private void AdmitWaiting()
    {
        while (_inFlight < Concurrency && _waiting.Count > 0)
        {
            if (_waiting.Dequeue().TrySetResult(true))
            {
                _inFlight++;
            }
        }
    }
}
