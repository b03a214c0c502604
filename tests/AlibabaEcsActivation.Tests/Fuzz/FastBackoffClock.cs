using System;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>
/// The system clock, except that a timer due within <see cref="Instant"/> fires at once: the fuzz clients'
/// 1-2 ms backoffs then cost no real time, while AttemptTimeout (50 ms and up) runs on real timers, so a
/// stalled body is still ended by the client's own deadline.
/// </summary>
internal sealed class FastBackoffClock : TimeProvider
{
    public static readonly TimeSpan Instant = TimeSpan.FromMilliseconds(20);

    public static FastBackoffClock Instance { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new Timer(System.CreateTimer(callback, state, Clamp(dueTime), period));

    private static TimeSpan Clamp(TimeSpan due) => due > TimeSpan.Zero && due <= Instant ? TimeSpan.Zero : due;

    private sealed class Timer(ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Clamp(dueTime), period);

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
