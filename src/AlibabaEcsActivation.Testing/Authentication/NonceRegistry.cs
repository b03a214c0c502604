using System;
using System.Collections.Concurrent;
using System.Threading;

namespace AlibabaEcsActivation.Testing.Authentication;

/// <summary>
/// The <c>SignatureNonce</c> values seen recently. A nonce only needs remembering while a request
/// carrying it could still pass the timestamp check, so entries older than twice the window are purged.
/// </summary>
internal sealed class NonceRegistry(TimeSpan window)
{
    private const int PurgeEvery = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private int _added;

    /// <summary>Records <paramref name="nonce"/>; false when it was seen before.</summary>
    public bool TryUse(string nonce, DateTimeOffset now)
    {
        if (!_seen.TryAdd(nonce, now))
        {
            return false;
        }

        if (Interlocked.Increment(ref _added) % PurgeEvery == 0)
        {
            foreach (var entry in _seen)
            {
                if (now - entry.Value > window + window)
                {
                    _seen.TryRemove(entry);
                }
            }
        }

        return true;
    }
}
