using System;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// Exponential backoff with jitter, capped: retry n (0-based) waits a random time between half and
/// all of <c>base × 2^n</c>. Throttling starts from a five times longer base, and a server's
/// <c>x-acs-retry-after</c> hint is honoured when it asks for longer. Nothing exceeds the cap.
/// </summary>
internal static class BackoffCalculator
{
    public const int ThrottlingFactor = 5;

    /// <param name="retryIndex">0 for the first retry.</param>
    /// <param name="baseDelay">The first retry's nominal delay.</param>
    /// <param name="maxDelay">The cap.</param>
    /// <param name="throttled">Whether the failure was throttling.</param>
    /// <param name="serverHint">The server's retry-after hint, if any.</param>
    /// <param name="jitter">A random number in [0, 1).</param>
    public static TimeSpan Compute(int retryIndex, TimeSpan baseDelay, TimeSpan maxDelay, bool throttled, TimeSpan? serverHint, double jitter)
    {
        double baseMs = baseDelay.TotalMilliseconds * (throttled ? ThrottlingFactor : 1);
        double nominal = Math.Min(maxDelay.TotalMilliseconds, baseMs * Math.Pow(2, Math.Min(retryIndex, 30)));
        double delay = nominal * (0.5 + (0.5 * jitter));
        if (serverHint is { } hint && hint.TotalMilliseconds > delay)
        {
            delay = hint.TotalMilliseconds;
        }

        return TimeSpan.FromMilliseconds(Math.Min(delay, maxDelay.TotalMilliseconds));
    }
}
