using System;
using System.Threading;

namespace AlibabaEcsActivation.Tests.Infrastructure;

/// <summary>
/// A clock for tests: the wall time starts at a fixed instant and advances one second per reading,
/// so consecutive attempts get distinct timestamps deterministically. Timers are real, but every
/// timer created is reported, which lets a test act exactly when a backoff starts.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _ticks;

    public TestClock(DateTimeOffset start)
    {
        _ticks = start.UtcTicks;
    }

    public static DateTimeOffset DefaultStart { get; } = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public TestClock()
        : this(DefaultStart)
    {
    }

    /// <summary>Called with the due time of every timer created (backoff delays, timeouts).</summary>
    public Action<TimeSpan>? TimerCreated { get; set; }

    public override DateTimeOffset GetUtcNow() =>
        new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond) - TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        TimerCreated?.Invoke(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
