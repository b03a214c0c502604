using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

/// <summary>
/// The deadlines on the fake clock: a hanging request ends exactly when the test moves the clock past a
/// deadline, never by waiting in real time. The clock does not move by itself here (no advance per reading).
/// </summary>
public class TimeoutAndCancellationTests
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly TestClock _clock = new() { AutoAdvanceAmount = TimeSpan.Zero };

    [Fact]
    public async Task Every_attempt_timing_out_throws_EcsRequestTimeoutException_after_retries()
    {
        var hanging = DelegateHandler.Hanging();
        using var client = ClientFactory.Create(hanging, o =>
        {
            o.TimeProvider = _clock;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(20);
            o.MaxRetries = 2;
        });

        Task call = client.DisableActivationAsync("id-1");
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            await hanging.NextRequestAsync();
            _clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => call);
        Assert.Equal(3, e.Attempts);
        Assert.Equal(3, hanging.Calls);
        Assert.Equal(TimeSpan.FromMilliseconds(20), e.Timeout);
        Assert.Contains("AttemptTimeout", e.Message);
    }

    [Fact]
    public async Task An_attempt_just_short_of_its_deadline_is_not_cut()
    {
        var handler = FirstAttemptHangs();
        using var client = ClientFactory.Create(handler, o =>
        {
            o.TimeProvider = _clock;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(20);
            o.MaxRetries = 0;
        });

        Task<DisableActivationResponse> call = client.DisableActivationAsync("id-1");
        await handler.NextRequestAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(19));

        Assert.False(call.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => call);
    }

    [Fact]
    public async Task Overall_timeout_stops_retrying_and_says_so()
    {
        var hanging = DelegateHandler.Hanging();
        using var client = ClientFactory.Create(hanging, o =>
        {
            o.TimeProvider = _clock;
            o.Timeout = TimeSpan.FromMilliseconds(50);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 10;
        });

        Task call = client.DisableActivationAsync("id-1");
        await hanging.NextRequestAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(50));

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => call);
        Assert.Equal(TimeSpan.FromMilliseconds(50), e.Timeout);
        Assert.Contains("did not complete within Timeout", e.Message);
        Assert.Equal(1, hanging.Calls);
    }

    /// <param name="firstAttemptMs">How long the first attempt takes: the call's Timeout still counts from the call's start.</param>
    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    public async Task Overall_timeout_during_backoff_says_so_after_one_attempt(int firstAttemptMs)
    {
        var backoffStarted = BackoffStarted(TimeSpan.FromMinutes(1));
        var handler = new DelegateHandler((_, _) =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(firstAttemptMs));
            return Task.FromResult(ApiResponses.Json(HttpStatusCode.InternalServerError, ApiResponses.Error("InternalError.Dispatch", "x")));
        });
        using var client = ClientFactory.Create(handler, o =>
        {
            o.TimeProvider = _clock;
            o.Timeout = TimeSpan.FromMilliseconds(100);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.RetryBaseDelay = TimeSpan.FromMinutes(10);
            o.RetryMaxDelay = TimeSpan.FromMinutes(10);
        });

        Task call = client.DisableActivationAsync("id-1");
        await backoffStarted;
        _clock.Advance(TimeSpan.FromMilliseconds(99 - firstAttemptMs));
        Assert.False(call.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => call);
        Assert.Equal(1, e.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(100), e.Timeout);
        Assert.Contains("did not complete within Timeout", e.Message);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task A_call_answered_by_its_first_attempt_sets_only_that_attempt_s_timer()
    {
        var dues = new List<TimeSpan>();
        _clock.TimerCreated = due => dues.Add(due);
        _mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        using var client = ClientFactory.Create(_mock, o =>
        {
            o.TimeProvider = _clock;
            o.Timeout = TimeSpan.FromSeconds(30);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
        });

        await client.DisableActivationAsync("id-1");

        Assert.Equal([TimeSpan.FromSeconds(10)], dues);
    }

    [Fact]
    public async Task Overall_timeout_longer_than_a_day_is_accepted()
    {
        _mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        using var client = ClientFactory.Create(_mock, o => o.Timeout = TimeSpan.FromDays(3));

        DisableActivationResponse response = await client.DisableActivationAsync("id-1");

        Assert.Equal(ApiResponses.DocRequestId, response.RequestId);
    }

    [Fact]
    public async Task Timeouts_longer_than_a_timer_can_wait_mean_no_deadline()
    {
        _mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        using var client = ClientFactory.Create(_mock, o =>
        {
            o.Timeout = TimeSpan.FromDays(400);
            o.AttemptTimeout = TimeSpan.FromDays(300);
            o.RetryMaxDelay = TimeSpan.FromDays(2);
        });

        DisableActivationResponse response = await client.DisableActivationAsync("id-1");

        Assert.Equal(ApiResponses.DocRequestId, response.RequestId);
    }

    [Fact]
    public async Task Caller_cancellation_during_a_request_surfaces_as_cancellation_not_timeout()
    {
        using var cts = new CancellationTokenSource();
        var handler = new DelegateHandler(async (_, token) =>
        {
            cts.Cancel();
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        using var client = ClientFactory.Create(handler);

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DisableActivationAsync("id-1", cts.Token));

        Assert.Equal(cts.Token, e.CancellationToken);
    }

    [Fact]
    public async Task Caller_cancellation_during_backoff_stops_at_once()
    {
        using var cts = new CancellationTokenSource();
        var backoffStarted = BackoffStarted(TimeSpan.FromMinutes(1));
        var dispatch = _mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.InternalServerError, ApiResponses.Error("InternalError.Dispatch", "x")));
        using var client = ClientFactory.Create(_mock, o =>
        {
            o.TimeProvider = _clock;
            o.RetryBaseDelay = TimeSpan.FromMinutes(10);
            o.RetryMaxDelay = TimeSpan.FromMinutes(10);
            o.Timeout = TimeSpan.FromHours(2);
            o.AttemptTimeout = TimeSpan.FromHours(1);
        });

        Task call = client.DisableActivationAsync("id-1", cts.Token);
        await backoffStarted;
        cts.Cancel();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cts.Token, e.CancellationToken);
        Assert.Equal(1, _mock.GetMatchCount(dispatch));
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        var ok = _mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        using var client = ClientFactory.Create(_mock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DisableActivationAsync("id-1", new CancellationToken(canceled: true)));

        Assert.Equal(0, _mock.GetMatchCount(ok));
    }

    [Fact]
    public async Task HttpClient_own_timeout_counts_as_an_attempt_timeout_not_a_cancellation()
    {
        // What HttpClient throws when its own Timeout fires: a cancellation whose token is not the caller's.
        var timingOut = new DelegateHandler((_, _) => throw new TaskCanceledException(
            "The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException()));
        using var client = ClientFactory.Create(timingOut, o => o.MaxRetries = 1);

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(2, e.Attempts);
        Assert.Equal(2, timingOut.Calls);
    }

    [Fact]
    public async Task An_attempt_that_timed_out_is_retried_with_a_fresh_deadline()
    {
        var handler = FirstAttemptHangs();
        using var client = ClientFactory.Create(handler, o =>
        {
            o.TimeProvider = _clock;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 1;
        });

        Task<DisableActivationResponse> call = client.DisableActivationAsync("id-1");
        await handler.NextRequestAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(50));

        DisableActivationResponse response = await call;
        Assert.Equal(ApiResponses.DocRequestId, response.RequestId);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task A_call_after_one_that_timed_out_starts_with_its_own_deadlines()
    {
        var handler = FirstAttemptHangs();
        using var client = ClientFactory.Create(handler, o =>
        {
            o.TimeProvider = _clock;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 0;
        });

        Task first = client.DisableActivationAsync("id-1");
        await handler.NextRequestAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => first);
        DisableActivationResponse response = await client.DisableActivationAsync("id-1");

        Assert.Equal(ApiResponses.DocRequestId, response.RequestId);
    }

    [Fact]
    public async Task Cancelling_an_earlier_call_token_does_not_reach_later_calls()
    {
        using var cts = new CancellationTokenSource();
        var secondEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler(async (request, token) =>
        {
            if (request.RequestUri!.Query.Contains("ActivationId=id-2", StringComparison.Ordinal))
            {
                secondEntered.SetResult();
                await release.Task.WaitAsync(token);
            }

            return ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped);
        });
        using var client = ClientFactory.Create(handler, o => o.MaxRetries = 0);

        await client.DisableActivationAsync("id-1", cts.Token);
        Task<DisableActivationResponse> second = client.DisableActivationAsync("id-2");
        await secondEntered.Task;
        cts.Cancel(); // the first call is over: its token must not reach the second call's deadlines
        release.SetResult();

        DisableActivationResponse response = await second;
        Assert.Equal(ApiResponses.DocRequestId, response.RequestId);
    }

    [Fact]
    public async Task An_attempt_started_when_the_clock_reads_past_the_deadline_before_its_timer_fired_ends_the_call_as_timed_out()
    {
        var clock = new ClockAheadOfTimers(_clock);
        var handler = new DelegateHandler((_, _) =>
        {
            clock.Ahead = TimeSpan.FromSeconds(2); // the call's 1 s have passed, but no timer has run
            return Task.FromResult(ApiResponses.Json(HttpStatusCode.ServiceUnavailable, ApiResponses.Error("ServiceUnavailable", "busy")));
        });
        using var client = ClientFactory.Create(handler, o =>
        {
            o.TimeProvider = clock;
            o.Timeout = TimeSpan.FromSeconds(1);
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.MaxRetries = 1;
        });

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal((TimeSpan.FromSeconds(1), 1), (e.Timeout, e.Attempts)); // no second attempt was made, nor counted
        Assert.Equal(1, handler.Calls);
    }

    /// <summary>Reads the time <see cref="Ahead"/> of the fake clock whose timers it uses: a deadline can have passed before its timer runs.</summary>
    private sealed class ClockAheadOfTimers(TestClock timers) : TimeProvider
    {
        public TimeSpan Ahead { get; set; }

        public override long TimestampFrequency => timers.TimestampFrequency;

        public override long GetTimestamp() => timers.GetTimestamp() + (long)(Ahead.TotalSeconds * TimestampFrequency);

        public override DateTimeOffset GetUtcNow() => timers.GetUtcNow() + Ahead;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            timers.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Completes when the clock gets a timer due within the backoff range (here: longer than a minute, up to the 10-minute cap).</summary>
    private Task BackoffStarted(TimeSpan atLeast)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _clock.TimerCreated = due =>
        {
            if (due >= atLeast && due <= TimeSpan.FromMinutes(10))
            {
                started.TrySetResult();
            }
        };
        return started.Task;
    }

    /// <summary>Hangs on the first request until it is cancelled, then answers every later one at once.</summary>
    private static DelegateHandler FirstAttemptHangs()
    {
        int requests = 0;
        return new DelegateHandler(async (_, token) =>
        {
            if (Interlocked.Increment(ref requests) == 1)
            {
                await Task.Delay(Timeout.Infinite, token);
            }

            return ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped);
        });
    }
}
