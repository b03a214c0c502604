using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

/// <summary>
/// How long the client waits between attempts, read from the timers it arms on the fake clock. Backoffs
/// (up to a minute here) elapse at once on it; the deadlines are far longer and never fire.
/// </summary>
public class BackoffTests
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly TestClock _clock = new() { InstantUpTo = TimeSpan.FromMinutes(1) };
    private readonly ConcurrentQueue<TimeSpan> _backoffs = new();

    public BackoffTests()
    {
        _clock.TimerCreated = due =>
        {
            if (due > TimeSpan.Zero && due <= _clock.InstantUpTo)
            {
                _backoffs.Enqueue(due);
            }
        };
    }

    private EcsActivationClient Client(TimeSpan baseDelay, TimeSpan maxDelay, int maxRetries = 3) =>
        ClientFactory.Create(_mock, o =>
        {
            o.TimeProvider = _clock;
            o.RetryBaseDelay = baseDelay;
            o.RetryMaxDelay = maxDelay;
            o.MaxRetries = maxRetries;
            o.AttemptTimeout = TimeSpan.FromHours(1);
            o.Timeout = TimeSpan.FromHours(2);
        });

    private void Respond(Func<HttpResponseMessage> response) => _mock.Expect("*").Respond(_ => response());

    private static HttpResponseMessage Dispatch() =>
        ApiResponses.Json(HttpStatusCode.InternalServerError, ApiResponses.Error("InternalError.Dispatch", "x"));

    private static HttpResponseMessage Throttled(string? retryAfterMs = null)
    {
        HttpResponseMessage response = ApiResponses.Json(HttpStatusCode.BadRequest, ApiResponses.Error("Throttling.User", "Request was denied due to user flow control."));
        if (retryAfterMs is not null)
        {
            response.Headers.Add("x-acs-retry-after", retryAfterMs);
        }

        return response;
    }

    private static HttpResponseMessage Ok() => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped);

    [Fact]
    public async Task Every_backoff_is_positive_and_within_RetryMaxDelay()
    {
        for (int i = 0; i < 7; i++)
        {
            Respond(Dispatch);
        }

        using var client = Client(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), maxRetries: 6);

        await Assert.ThrowsAsync<DispatchErrorException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(6, _backoffs.Count);
        Assert.All(_backoffs, due => Assert.InRange(due, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Throttling_backs_off_from_a_five_times_longer_base()
    {
        Respond(() => Throttled());
        Respond(Ok);
        using var client = Client(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));

        await client.DisableActivationAsync("id-1");

        // The first throttling retry waits between half and all of 5 x RetryBaseDelay.
        Assert.InRange(Assert.Single(_backoffs), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Throttling_backoff_doubles_per_retry_with_jitter_between_half_and_full()
    {
        for (int i = 0; i < 3; i++)
        {
            Respond(() => Throttled());
        }

        Respond(Ok);
        using var client = Client(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));

        await client.DisableActivationAsync("id-1");

        TimeSpan[] backoffs = _backoffs.ToArray();
        Assert.Equal(3, backoffs.Length);
        for (int retry = 0; retry < 3; retry++)
        {
            double nominal = 500 * Math.Pow(2, retry);
            Assert.InRange(backoffs[retry].TotalMilliseconds, nominal / 2, nominal);
        }
    }

    [Fact]
    public async Task Throttling_backoff_never_exceeds_RetryMaxDelay()
    {
        for (int i = 0; i < 4; i++)
        {
            Respond(() => Throttled());
        }

        using var client = Client(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400));

        await Assert.ThrowsAsync<ThrottlingException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(3, _backoffs.Count);
        Assert.All(_backoffs, due => Assert.InRange(due, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)));
    }

    [Theory]
    [InlineData("3000", 3000)] // longer than the backoff: the service's wish wins
    [InlineData("60000", 10_000)] // longer than RetryMaxDelay: capped
    public async Task A_throttling_retry_after_hint_is_waited_within_RetryMaxDelay(string retryAfterMs, int expectedMs)
    {
        Respond(() => Throttled(retryAfterMs));
        Respond(Ok);
        using var client = Client(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));

        await client.DisableActivationAsync("id-1");

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Assert.Single(_backoffs));
    }

    [Fact]
    public async Task A_retry_after_hint_shorter_than_the_backoff_does_not_shorten_it()
    {
        Respond(() => Throttled("1"));
        Respond(Ok);
        using var client = Client(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));

        await client.DisableActivationAsync("id-1");

        Assert.InRange(Assert.Single(_backoffs), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Each_retry_waits_on_the_clock_before_it_is_sent()
    {
        Respond(Dispatch);
        Respond(Ok);
        DateTimeOffset started = _clock.GetUtcNow();
        using var client = Client(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));

        await client.DisableActivationAsync("id-1");

        // One reading per attempt advances the clock a second; the rest is the backoff, waited in full.
        TimeSpan backoff = Assert.Single(_backoffs);
        Assert.True(_clock.GetUtcNow() - started >= backoff, $"waited {_clock.GetUtcNow() - started} for a backoff of {backoff}");
    }
}
