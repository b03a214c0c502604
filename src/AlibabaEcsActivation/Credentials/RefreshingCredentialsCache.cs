using System;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Caches temporary credentials and refreshes them ahead of expiry, for every session-type provider
/// (metadata service, STS, credentials URI). The rules of the official SDKs:
/// <list type="bullet">
/// <item>refresh when nothing is cached or <c>now ≥ Expiration − margin</c> (15 min; the ECS role uses 60 min to prefetch);</item>
/// <item>one caller refreshes at a time; while it does, the others keep getting the cached
/// credentials as long as they have not expired, and only wait when there is nothing valid to give;</item>
/// <item>a failed refresh keeps serving still-valid credentials and is retried after a pause
/// (1 s, doubling per consecutive failure, at most 10 s); with nothing valid, the error propagates;</item>
/// <item>an answer that has already expired is a failure.</item>
/// </list>
/// </summary>
internal sealed class RefreshingCredentialsCache
{
    /// <summary>Credentials count as stale this long before they expire.</summary>
    public static readonly TimeSpan DefaultRefreshMargin = TimeSpan.FromMinutes(15);

    /// <summary>The ECS role provider refreshes once less than this remains.</summary>
    public static readonly TimeSpan EcsPrefetchMargin = TimeSpan.FromMinutes(60);

    private static readonly TimeSpan MaxRetryPause = TimeSpan.FromSeconds(10);

    private readonly Func<CancellationToken, Task<AlibabaCloudCredentials>> _fetch;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _refreshMargin;
    private readonly string _source;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private AlibabaCloudCredentials? _cached;
    private long _retryNotBeforeTicks; // DateTimeOffset is not atomic to read; its ticks are
    private int _consecutiveFailures;

    /// <param name="fetch">Gets new credentials; throws <see cref="EcsCredentialsException"/> on failure.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="refreshMargin">How long before expiry to refresh.</param>
    /// <param name="source">Names the source in error messages.</param>
    public RefreshingCredentialsCache(Func<CancellationToken, Task<AlibabaCloudCredentials>> fetch, TimeProvider timeProvider, TimeSpan refreshMargin, string source)
    {
        _fetch = fetch;
        _timeProvider = timeProvider;
        _refreshMargin = refreshMargin;
        _source = source;
    }

    /// <summary>Returns cached credentials, refreshing them when they are stale.</summary>
    public async ValueTask<AlibabaCloudCredentials> GetAsync(CancellationToken cancellationToken)
    {
        AlibabaCloudCredentials? cached = Volatile.Read(ref _cached);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (cached is not null && !IsStale(cached, now))
        {
            return cached;
        }

        if (cached is not null && IsValid(cached, now))
        {
            // Stale but usable: never make anyone wait while another caller refreshes or while
            // the pause after a failed refresh runs.
            if (now < ReadRetryNotBefore() || !_refreshGate.Wait(0))
            {
                return cached;
            }
        }
        else
        {
            await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>Runs with the gate held.</summary>
    private async Task<AlibabaCloudCredentials> RefreshAsync(CancellationToken cancellationToken)
    {
        AlibabaCloudCredentials? cached = _cached;
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (cached is not null && !IsStale(cached, now))
        {
            return cached; // refreshed by the caller that held the gate before us
        }

        try
        {
            AlibabaCloudCredentials fresh = await _fetch(cancellationToken).ConfigureAwait(false);
            if (!IsValid(fresh, _timeProvider.GetUtcNow()))
            {
                throw new EcsCredentialsException($"{_source}: the credentials received already expired at {fresh.Expiration:yyyy-MM-dd'T'HH:mm:ss'Z'}.");
            }

            Volatile.Write(ref _cached, fresh);
            _consecutiveFailures = 0;
            return fresh;
        }
        catch (EcsCredentialsException) when (cached is not null && IsValid(cached, _timeProvider.GetUtcNow()))
        {
            // Keep serving what still works; try again after a pause so a broken source is not hammered.
            _consecutiveFailures++;
            double pauseSeconds = Math.Min(MaxRetryPause.TotalSeconds, Math.Pow(2, Math.Min(_consecutiveFailures - 1, 10)));
            WriteRetryNotBefore(_timeProvider.GetUtcNow() + TimeSpan.FromSeconds(pauseSeconds));
            return cached;
        }
    }

    private bool IsStale(AlibabaCloudCredentials credentials, DateTimeOffset now) =>
        credentials.Expiration is DateTimeOffset expiration && now >= expiration - _refreshMargin;

    private static bool IsValid(AlibabaCloudCredentials credentials, DateTimeOffset now) =>
        credentials.Expiration is not DateTimeOffset expiration || now < expiration;

    private DateTimeOffset ReadRetryNotBefore() => new(Interlocked.Read(ref _retryNotBeforeTicks), TimeSpan.Zero);

    private void WriteRetryNotBefore(DateTimeOffset value) => Interlocked.Exchange(ref _retryNotBeforeTicks, value.UtcTicks);
}
