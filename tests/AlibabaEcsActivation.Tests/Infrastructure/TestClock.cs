using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace AlibabaEcsActivation.Tests.Infrastructure;

/// <summary>
/// The kept fake clock as client tests need it: it starts at a fixed instant and advances a second per
/// reading, so consecutive attempts get distinct timestamps. A timer due within <see cref="InstantUpTo"/>
/// (a retry backoff, with the test options) elapses at once: the clock moves by exactly its due time, from
/// the thread pool, as a real timer would fire. Longer timers (the deadlines) fire only when the clock
/// reaches them: when a test advances it, or by readings.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    public TestClock()
        : base(DefaultStart)
    {
        AutoAdvanceAmount = TimeSpan.FromSeconds(1);
    }

    public static DateTimeOffset DefaultStart { get; } = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    /// <summary>Timers due within this elapse at once; the test options' RetryMaxDelay by default.</summary>
    public TimeSpan InstantUpTo { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Called with the due time of every timer created (backoff delays, deadlines).</summary>
    public Action<TimeSpan>? TimerCreated { get; set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        TimerCreated?.Invoke(dueTime);
        if (dueTime > TimeSpan.Zero && dueTime <= InstantUpTo)
        {
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
