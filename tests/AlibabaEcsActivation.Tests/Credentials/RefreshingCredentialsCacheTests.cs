using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

public class RefreshingCredentialsCacheTests
{
    private static readonly DateTimeOffset Start = CredentialsTestBed.Start;
    private readonly FakeTimeProvider _time = new(Start);
    private int _fetches;

    [Fact]
    public async Task Serves_cached_credentials_until_the_refresh_margin()
    {
        var cache = Cache(_ => Task.FromResult(Session("a", TimeSpan.FromHours(1))));

        var first = await cache.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(44));
        var second = await cache.GetAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task Refreshes_when_now_reaches_expiration_minus_15_minutes()
    {
        int n = 0;
        var cache = Cache(_ => Task.FromResult(Session("k" + Interlocked.Increment(ref n), TimeSpan.FromHours(1))));
        await cache.GetAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(45));
        var refreshed = await cache.GetAsync(CancellationToken.None);

        Assert.Equal("k2", refreshed.AccessKeyId);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task Other_callers_keep_valid_credentials_while_one_caller_refreshes()
    {
        var gate = new TaskCompletionSource<AlibabaCloudCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = Cache(_ => _fetches == 1 ? Task.FromResult(Session("old", TimeSpan.FromHours(1))) : gate.Task);
        var old = await cache.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(50));

        ValueTask<AlibabaCloudCredentials> refresher = cache.GetAsync(CancellationToken.None);
        var others = Enumerable.Range(0, 5).Select(_ => cache.GetAsync(CancellationToken.None)).ToArray();

        Assert.False(refresher.IsCompleted);
        Assert.All(others, o => Assert.True(o.IsCompleted));
        Assert.All(others, o => Assert.Same(old, o.Result));
        gate.SetResult(Session("new", TimeSpan.FromHours(2)));
        Assert.Equal("new", (await refresher).AccessKeyId);
        Assert.Equal("new", (await cache.GetAsync(CancellationToken.None)).AccessKeyId);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task Callers_with_nothing_cached_wait_for_a_single_fetch()
    {
        var gate = new TaskCompletionSource<AlibabaCloudCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cache = Cache(_ => gate.Task);

        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetAsync(CancellationToken.None).AsTask())).ToArray();
        gate.SetResult(Session("only", TimeSpan.FromHours(1)));
        var results = await Task.WhenAll(callers);

        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_serving_still_valid_credentials()
    {
        var cache = Cache(OldThenFailing);
        await cache.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(50));

        var served = await cache.GetAsync(CancellationToken.None);

        Assert.Equal("old", served.AccessKeyId);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task A_failed_refresh_is_retried_only_after_a_pause()
    {
        var cache = Cache(OldThenFailing);
        await cache.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(50));
        await cache.GetAsync(CancellationToken.None);

        await cache.GetAsync(CancellationToken.None);
        Assert.Equal(2, _fetches);
        _time.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync(CancellationToken.None);
        Assert.Equal(3, _fetches);
    }

    [Fact]
    public async Task A_failed_refresh_after_expiry_propagates_the_error()
    {
        var cache = Cache(OldThenFailing);
        await cache.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => cache.GetAsync(CancellationToken.None).AsTask());

        Assert.Equal("STS is down", error.Message);
    }

    [Fact]
    public async Task An_answer_that_has_already_expired_is_rejected()
    {
        var cache = Cache(_ => Task.FromResult(Session("stale", TimeSpan.FromSeconds(-1))));

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => cache.GetAsync(CancellationToken.None).AsTask());

        Assert.Contains("already expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_without_expiration_are_never_refreshed()
    {
        var cache = Cache(_ => Task.FromResult(new AlibabaCloudCredentials("LTAI-long-lived", "s")));
        await cache.GetAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(400));
        await cache.GetAsync(CancellationToken.None);

        Assert.Equal(1, _fetches);
    }

    private RefreshingCredentialsCache Cache(Func<CancellationToken, Task<AlibabaCloudCredentials>> fetch) =>
        new(ct => { Interlocked.Increment(ref _fetches); return fetch(ct); }, _time, RefreshingCredentialsCache.DefaultRefreshMargin, "test source");

    /// <summary>The first fetch succeeds with one-hour credentials; every later one fails.</summary>
    private Task<AlibabaCloudCredentials> OldThenFailing(CancellationToken cancellationToken) => _fetches == 1
        ? Task.FromResult(Session("old", TimeSpan.FromHours(1)))
        : Task.FromException<AlibabaCloudCredentials>(new EcsCredentialsException("STS is down"));

    private AlibabaCloudCredentials Session(string id, TimeSpan lifetime) =>
        new(id, "secret", "token", _time.GetUtcNow() + lifetime, "test");
}
