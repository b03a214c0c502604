using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
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
    // A lone call's first throttling backoff: five times this, with jitter, 250 to 500 ms.
    private static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    [Fact]
    public async Task A_lone_call_waits_the_throttling_backoff_before_its_retry()
    {
        using EcsActivationClient client = ThrottledOnce(throttledRequest: 1, retryAfter: null);

        DisableActivationResponse response = await client.DisableActivationAsync("code-01");

        Assert.Equal(2, response.ResponseMetadata.Attempts);
        Assert.Contains(_timers, due => due >= TimeSpan.FromMilliseconds(250) && due <= TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task In_a_bulk_run_a_throttled_attempt_is_retried_at_the_runs_new_pace_instead_of_after_the_throttling_backoff()
    {
        // One call at a time on a clock that moves only by its timers: ten codes accepted within the same
        // second, the eleventh throttled once. The pace becomes 0.8 x 10 = 8 a second: the retry waits 125 ms.
        using EcsActivationClient client = ThrottledOnce(throttledRequest: 11, retryAfter: null);

        BulkDisableResult result = await client.DisableActivationsAsync(Ids(12), new BulkDisableOptions { MaxConcurrency = 1 });

        Assert.Equal((12, 2), (result.DisabledCount, result.Outcomes[10].Attempts));
        Assert.Equal(TimeSpan.FromMilliseconds(125), _timers.First(due => due < TimeSpan.FromSeconds(1)));
        Assert.DoesNotContain(_timers, due => due >= TimeSpan.FromMilliseconds(250) && due <= TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task In_a_bulk_run_the_services_retry_after_hint_still_holds()
    {
        using EcsActivationClient client = ThrottledOnce(throttledRequest: 1, retryAfter: 300);

        BulkDisableResult result = await client.DisableActivationsAsync(Ids(1));

        Assert.Equal(2, result.Outcomes[0].Attempts);
        Assert.Contains(TimeSpan.FromMilliseconds(300), _timers);
    }

    private static string[] Ids(int count) => Enumerable.Range(1, count).Select(i => $"code-{i:D2}").ToArray();

    /// <summary>
    /// A client whose <paramref name="throttledRequest"/>th request is throttled (with an <c>x-acs-retry-after</c>
    /// hint in ms, if given) and every other succeeds, on a clock that moves only by the timers the client sets
    /// (each elapses at once).
    /// </summary>
    private EcsActivationClient ThrottledOnce(int throttledRequest, int? retryAfter)
    {
        int requests = 0;
        var handler = new DelegateHandler((request, _) =>
        {
            if (Interlocked.Increment(ref requests) != throttledRequest)
            {
                string id = Regex.Match(request.RequestUri!.Query, "ActivationId=([^&]+)").Groups[1].Value;
                return Task.FromResult(FakeEcsService.ActivationBody(id));
            }

            HttpResponseMessage throttled = ApiResponses.Json(HttpStatusCode.BadRequest, ApiResponses.Error("Throttling.User", "Request was denied due to user flow control."));
            if (retryAfter is { } ms)
            {
                throttled.Headers.TryAddWithoutValidation("x-acs-retry-after", ms.ToString(CultureInfo.InvariantCulture));
            }

            return Task.FromResult(throttled);
        });
        return ClientFactory.Create(handler, o =>
        {
            o.RetryBaseDelay = RetryBaseDelay;
            o.RetryMaxDelay = TimeSpan.FromSeconds(10);
            o.TimeProvider = new TestClock { AutoAdvanceAmount = TimeSpan.Zero, InstantUpTo = TimeSpan.FromSeconds(1), TimerCreated = _timers.Enqueue };
        });
    }
}
