using System;

namespace AlibabaEcsActivation.Transport;

/// <summary>A thread-safe source of jitter in [0, 1) for backoff.</summary>
internal static class RetryJitter
{
#if NET8_0_OR_GREATER
    public static double Next() => Random.Shared.NextDouble();
#else
    private static readonly Random Shared = new();

    public static double Next()
    {
        lock (Shared)
        {
            return Shared.NextDouble();
        }
    }
#endif
}
