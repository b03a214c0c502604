using System;
using System.Threading;
#if !NET8_0_OR_GREATER
using System.Threading.Tasks;
#endif

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// One call's two deadlines on one cancellation source: each attempt is cancelled at its
/// <c>AttemptTimeout</c> or at the call's overall <c>Timeout</c>, whichever comes first, or as soon
/// as the caller cancels. Backoff delays are capped at the overall deadline instead of being cancelled
/// by it, so the retry strategy needs only the caller's token.
/// </summary>
/// <remarks>
/// Two Polly timeout strategies did this before: two pooled sources, two boxed async frames and their
/// registrations on every call, about 600 B per call over loopback (measured). Here one source serves
/// every attempt of a call, and <see cref="CallTimeoutsPool"/> reuses it for the next call; only an
/// attempt that actually timed out leaves a cancelled source behind, which is then replaced.
/// </remarks>
internal sealed class CallTimeouts : IDisposable
{
    // CancelAfter's limit (Timer.MaxSupportedTimeout); a longer deadline can never fire in practice.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly ClientSettings _settings;
    private CancellationTokenSource? _source;
    private CancellationToken _callerToken;
    private CancellationTokenRegistration _callerRegistration;
    private long _started;
    private bool _deadlineReachedInBackoff;
    private bool _attemptEndsAtOverallDeadline;

    public CallTimeouts(ClientSettings settings)
    {
        _settings = settings;
    }

    /// <summary>
    /// True once the overall deadline has passed, a backoff ran up to it, or the current attempt was
    /// given only the time left before it: a deadline cancellation then means the overall Timeout.
    /// </summary>
    public bool OverallDeadlineReached => _deadlineReachedInBackoff || _attemptEndsAtOverallDeadline || Remaining <= TimeSpan.Zero;

    /// <summary>True when the current attempt was cancelled by a deadline rather than by the caller.</summary>
    public bool AttemptCancelledByDeadline =>
        _source is { IsCancellationRequested: true } && !_callerToken.IsCancellationRequested;

    private TimeSpan Remaining => _settings.Timeout - _settings.TimeProvider.GetElapsedTime(_started);

    /// <summary>Starts the overall clock and follows <paramref name="callerToken"/>.</summary>
    public void Start(CancellationToken callerToken)
    {
        _started = _settings.TimeProvider.GetTimestamp();
        _deadlineReachedInBackoff = false;
        _attemptEndsAtOverallDeadline = false;
        _callerToken = callerToken;
        if (callerToken.CanBeCanceled)
        {
#if NET8_0_OR_GREATER
            _callerRegistration = callerToken.UnsafeRegister(static state => ((CallTimeouts)state!).CancelCurrent(), this);
#else
            _callerRegistration = callerToken.Register(static state => ((CallTimeouts)state!).CancelCurrent(), this);
#endif
        }
    }

    /// <summary>
    /// The token for the next attempt, cancelled at its deadline; false, sending nothing, when the
    /// overall deadline has already passed.
    /// </summary>
    public bool TryStartAttempt(out CancellationToken token)
    {
        TimeSpan remaining = Remaining;
        if (_deadlineReachedInBackoff || remaining <= TimeSpan.Zero)
        {
            token = default;
            return false;
        }

        _attemptEndsAtOverallDeadline = remaining <= _settings.AttemptTimeout;
        TimeSpan due = _attemptEndsAtOverallDeadline ? remaining : _settings.AttemptTimeout;
        CancellationTokenSource source = SourceForAttempt(due);
        if (_callerToken.IsCancellationRequested)
        {
            source.Cancel(); // the caller cancelled while the source was being replaced
        }

        token = source.Token;
        return true;
    }

    /// <summary>Caps a backoff <paramref name="delay"/> at the overall deadline; the attempt after a capped delay reports the overall timeout.</summary>
    public TimeSpan CapDelay(TimeSpan delay)
    {
        TimeSpan remaining = Remaining;
        if (delay < remaining)
        {
            return delay;
        }

        _deadlineReachedInBackoff = true;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>Stops following the caller and readies the source for another call; false when it cannot be reused.</summary>
    public bool TryReset()
    {
        _callerRegistration.Dispose(); // waits for a callback already running, so none can touch the next call
        _callerRegistration = default;
        _callerToken = default;
#if NET8_0_OR_GREATER
        return _source is null || _source.TryReset();
#else
        return false;
#endif
    }

    public void Dispose()
    {
        _callerRegistration.Dispose();
        _source?.Dispose();
        _source = null;
    }

    private CancellationTokenSource SourceForAttempt(TimeSpan due)
    {
#if NET8_0_OR_GREATER
        if (_source is null || _source.IsCancellationRequested)
        {
            // The first call, or the previous attempt timed out: a cancelled source cannot be re-armed.
            _source?.Dispose();
            _source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _settings.TimeProvider);
        }

        _source.CancelAfter(due < LongestTimer ? due : Timeout.InfiniteTimeSpan);
        return _source;
#else
        // No TryReset here: a source per attempt, timed by the TimeProvider.
        _source?.Dispose();
        _source = due < LongestTimer
            ? _settings.TimeProvider.CreateCancellationTokenSource(due)
            : new CancellationTokenSource();
        return _source;
#endif
    }

    private void CancelCurrent()
    {
        try
        {
            Volatile.Read(ref _source)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call has already finished and moved on.
        }
    }
}
