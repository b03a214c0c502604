using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Testing.Requests;

/// <summary>
/// The service's flow control (<see cref="EcsEmulatorOptions.FlowControlLimit"/>): a token bucket per AccessKey ID
/// and action, holding at most <c>limit</c> requests, starting full, refilled at <c>limit</c> per second.
/// </summary>
/// <remarks>
/// The bucket counts in units of a request per tick: one request costs <see cref="TimeSpan.TicksPerSecond"/> units
/// and each tick of the clock refills <c>limit</c> units. Integers keep it exact on a fake clock: after a burst,
/// the next request passes exactly when 1/limit of a second (rounded up to a tick) has gone by.
/// </remarks>
internal sealed class FlowControlBuckets(int limit, TimeProvider timeProvider)
{
    private readonly object _gate = new();
    private readonly Dictionary<(string AccessKeyId, string Action), Bucket> _buckets = new();
    private readonly long _capacity = limit * TimeSpan.TicksPerSecond;

    /// <summary>Takes one request from the bucket of <paramref name="accessKeyId"/> and <paramref name="action"/>; false, taking nothing, when it is empty.</summary>
    public bool TryAdmit(string accessKeyId, string action)
    {
        long now = timeProvider.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            if (!_buckets.TryGetValue((accessKeyId, action), out Bucket? bucket))
            {
                bucket = new Bucket { Units = _capacity, At = now };
                _buckets.Add((accessKeyId, action), bucket);
            }

            // A second or more refills the bucket whatever it held; the check also keeps the product in range.
            long elapsed = Math.Max(now - bucket.At, 0);
            bucket.Units = elapsed >= TimeSpan.TicksPerSecond ? _capacity : Math.Min(_capacity, bucket.Units + (elapsed * limit));
            bucket.At = Math.Max(now, bucket.At);
            if (bucket.Units < TimeSpan.TicksPerSecond)
            {
                return false;
            }

            bucket.Units -= TimeSpan.TicksPerSecond;
            return true;
        }
    }

    private sealed class Bucket
    {
        public long Units { get; set; }

        public long At { get; set; }
    }
}
