using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

public class TimeoutAndCancellationTests
{
    private readonly MockHttpMessageHandler _mock = new();

    [Fact]
    public async Task Every_attempt_timing_out_throws_EcsRequestTimeoutException_after_retries()
    {
        var hanging = DelegateHandler.Hanging();
        using var client = ClientFactory.Create(hanging, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(20);
            o.MaxRetries = 2;
        });

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(3, e.Attempts);
        Assert.Equal(3, hanging.Calls);
        Assert.Equal(TimeSpan.FromMilliseconds(20), e.Timeout);
        Assert.Contains("AttemptTimeout", e.Message);
    }

    [Fact]
    public async Task Overall_timeout_stops_retrying_and_says_so()
    {
        using var client = ClientFactory.Create(DelegateHandler.Hanging(), o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(50);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 10;
        });

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(TimeSpan.FromMilliseconds(50), e.Timeout);
        Assert.Contains("did not complete within Timeout", e.Message);
    }

    [Fact]
    public async Task Overall_timeout_during_backoff_says_so_after_one_attempt()
    {
        _mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.InternalServerError, ApiResponses.Error("InternalError.Dispatch", "x")));
        using var client = ClientFactory.Create(_mock, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(100);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.RetryBaseDelay = TimeSpan.FromMinutes(10);
            o.RetryMaxDelay = TimeSpan.FromMinutes(10);
        });

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(1, e.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(100), e.Timeout);
        Assert.Contains("did not complete within Timeout", e.Message);
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
        var clock = new TestClock();
        var backoffStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        clock.TimerCreated = due =>
        {
            if (due >= TimeSpan.FromMinutes(5) && due <= TimeSpan.FromMinutes(10))
            {
                backoffStarted.TrySetResult();
            }
        };
        _mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.InternalServerError, ApiResponses.Error("InternalError.Dispatch", "x")));
        using var client = ClientFactory.Create(_mock, o =>
        {
            o.TimeProvider = clock;
            o.RetryBaseDelay = TimeSpan.FromMinutes(10);
            o.RetryMaxDelay = TimeSpan.FromMinutes(10);
            o.Timeout = TimeSpan.FromHours(2);
            o.AttemptTimeout = TimeSpan.FromHours(1);
        });

        Task call = client.DisableActivationAsync("id-1", cts.Token);
        await backoffStarted.Task;
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        _mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        using var client = ClientFactory.Create(_mock);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DisableActivationAsync("id-1", new CancellationToken(canceled: true)));

        Assert.Equal(0, _mock.GetMatchCount(_mock.When("*")));
    }

    [Fact]
    public async Task HttpClient_own_timeout_counts_as_an_attempt_timeout_not_a_cancellation()
    {
        var httpClient = new HttpClient(DelegateHandler.Hanging()) { Timeout = TimeSpan.FromMilliseconds(20) };
        using var client = new EcsActivationClient(ClientFactory.Options(o => o.MaxRetries = 1), httpClient);

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(2, e.Attempts);
    }

    [Fact]
    public async Task An_attempt_that_timed_out_is_retried_with_a_fresh_deadline()
    {
        var handler = FirstAttemptHangs();
        using var client = ClientFactory.Create(handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.TimeProvider = TimeProvider.System;
        });

        DisableActivationResponse response = await client.DisableActivationAsync("id-1");

        Assert.Equal(ApiResponses.DocRequestId, response.RequestId);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task A_call_after_one_that_timed_out_starts_with_its_own_deadlines()
    {
        var handler = FirstAttemptHangs();
        using var client = ClientFactory.Create(handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 0;
            o.TimeProvider = TimeProvider.System; // its sources are reused across calls, unless cancelled
        });

        await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => client.DisableActivationAsync("id-1"));
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
        // The system clock, because only its cancellation sources can be reset and reused.
        using var client = ClientFactory.Create(handler, o =>
        {
            o.MaxRetries = 0;
            o.TimeProvider = TimeProvider.System;
        });

        await client.DisableActivationAsync("id-1", cts.Token);
        Task<DisableActivationResponse> second = client.DisableActivationAsync("id-2");
        await secondEntered.Task;
        cts.Cancel(); // the first call is over: its token must not reach the second call's (reused) deadline
        release.SetResult();

        DisableActivationResponse response = await second;
        Assert.Equal(ApiResponses.DocRequestId, response.RequestId);
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
