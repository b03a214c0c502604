using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using Xunit;

namespace AlibabaEcsActivation.Tests.Lifecycle;

/// <summary>
/// Throttling inside a bulk run: the retry waits for the run's pace, not for the throttling backoff a lone
/// call takes, and the service's own hint still holds. The clock records every timer the client sets.
/// </summary>
public class BulkDisablePacingTests
{
    private const string Id = ApiResponses.DocActivationId;

    // A lone call's first throttling backoff: five times this, with jitter, 250 to 500 ms.
    private static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    [Fact]
    public async Task A_lone_call_waits_the_throttling_backoff_before_its_retry()
    {
        using EcsActivationClient client = ThrottledOnce(retryAfter: null);

        DisableActivationResponse response = await client.DisableActivationAsync(Id);

        Assert.Equal(2, response.ResponseMetadata.Attempts);
        Assert.Contains(_timers, due => due >= TimeSpan.FromMilliseconds(250) && due <= TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task In_a_bulk_run_a_throttled_attempt_is_retried_at_the_runs_next_turn_without_the_throttling_backoff()
    {
        using EcsActivationClient client = ThrottledOnce(retryAfter: null);

        BulkDisableResult result = await client.DisableActivationsAsync(new[] { Id });

        Assert.Equal((ActivationDisableStatus.Disabled, 2), (result.Outcomes[0].Status, result.Outcomes[0].Attempts));
        Assert.DoesNotContain(_timers, due => due > TimeSpan.Zero && due < TimeSpan.FromSeconds(1)); // only the deadlines
    }

    [Fact]
    public async Task In_a_bulk_run_the_services_retry_after_hint_still_holds()
    {
        using EcsActivationClient client = ThrottledOnce(retryAfter: 300);

        BulkDisableResult result = await client.DisableActivationsAsync(new[] { Id });

        Assert.Equal(2, result.Outcomes[0].Attempts);
        Assert.Contains(TimeSpan.FromMilliseconds(300), _timers);
    }

    /// <summary>A client whose first attempt is throttled (with an <c>x-acs-retry-after</c> hint in ms, if given) and the next one succeeds.</summary>
    private EcsActivationClient ThrottledOnce(int? retryAfter)
    {
        int attempts = 0;
        var handler = new DelegateHandler((_, _) =>
        {
            if (Interlocked.Increment(ref attempts) > 1)
            {
                return Task.FromResult(ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
            }

            HttpResponseMessage throttled = ApiResponses.Json(HttpStatusCode.BadRequest, ApiResponses.Error("Throttling.User", "Request was denied due to user flow control."));
            if (retryAfter is { } ms)
            {
                throttled.Headers.TryAddWithoutValidation("x-acs-retry-after", ms.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return Task.FromResult(throttled);
        });
        return ClientFactory.Create(handler, o =>
        {
            o.RetryBaseDelay = RetryBaseDelay;
            o.RetryMaxDelay = TimeSpan.FromSeconds(10);
            o.TimeProvider = new TestClock { InstantUpTo = TimeSpan.FromSeconds(1), TimerCreated = _timers.Enqueue };
        });
    }
}
