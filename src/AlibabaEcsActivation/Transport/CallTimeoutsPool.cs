using System.Collections.Concurrent;
using System.Threading;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// Reuses <see cref="CallTimeouts"/> (and the cancellation source and timer inside) across calls of one
/// client, so a call that succeeds allocates none of them. Bounded: after a burst of concurrent calls
/// the surplus is disposed rather than kept.
/// </summary>
internal sealed class CallTimeoutsPool
{
    private const int MaxPooled = 64;

    private readonly ClientSettings _settings;
    private readonly ConcurrentQueue<CallTimeouts> _pooled = new();
    private int _count;

    public CallTimeoutsPool(ClientSettings settings)
    {
        _settings = settings;
    }

    public CallTimeouts Rent(CancellationToken callerToken)
    {
        if (_pooled.TryDequeue(out CallTimeouts? timeouts))
        {
            Interlocked.Decrement(ref _count);
        }
        else
        {
            timeouts = new CallTimeouts(_settings);
        }

        timeouts.Start(callerToken);
        return timeouts;
    }

    public void Return(CallTimeouts timeouts)
    {
        if (timeouts.TryReset())
        {
            if (Interlocked.Increment(ref _count) <= MaxPooled)
            {
                _pooled.Enqueue(timeouts);
                return;
            }

            Interlocked.Decrement(ref _count);
        }

        timeouts.Dispose();
    }
}
