using System;
using System.Threading;
#if !NET8_0_OR_GREATER
using System.Threading.Tasks;
#endif

namespace AlibabaEcsActivation.Transport;

/// <summary>Timeouts and delays on the injected <see cref="TimeProvider"/>, within what its timers accept.</summary>
internal static class Deadlines
{
    // A timer's longest due time; a longer deadline can never fire in practice. .NET 6 and later take up to
    // Timer.MaxSupportedTimeout; .NET Framework's CancellationTokenSource takes at most int.MaxValue ms.
#if NET8_0_OR_GREATER
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
#else
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(int.MaxValue);
#endif

    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    /// <summary><paramref name="due"/>, or no deadline when it is longer than a timer can wait.</summary>
    public static TimeSpan Timer(TimeSpan due) => due < LongestTimer ? due : Timeout.InfiniteTimeSpan;

    /// <summary>Polly's retry accepts delays of up to a day; a longer backoff is no backoff a call waits out.</summary>
    public static TimeSpan AtMostADay(TimeSpan delay) => delay < OneDay ? delay : OneDay;

    /// <summary>A source cancelled after <paramref name="due"/> on <paramref name="timeProvider"/>.</summary>
    public static CancellationTokenSource CreateSource(TimeProvider timeProvider, TimeSpan due)
    {
#if NET8_0_OR_GREATER
        return new CancellationTokenSource(Timer(due), timeProvider);
#else
        return timeProvider.CreateCancellationTokenSource(Timer(due));
#endif
    }
}
