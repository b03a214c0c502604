using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Temporary credentials of the RAM role attached to the ECS instance this code runs on, from the
/// instance metadata service (<c>http://100.100.100.200</c>). Uses the token-hardened mode first
/// (<c>PUT /latest/api/token</c> with a 6-hour TTL, then the <c>x-aliyun-ecs-metadata-token</c>
/// header) and falls back to plain requests unless IMDSv1 is disabled. The role name comes from the
/// constructor, else <c>ALIBABA_CLOUD_ECS_METADATA</c>, else the metadata service.
/// <c>ALIBABA_CLOUD_ECS_METADATA_DISABLED=true</c> turns the provider off. Credentials are cached and
/// refreshed once less than 60 minutes remain.
/// </summary>
public sealed class EcsRamRoleCredentialsProvider : ICredentialsProvider
{
    /// <summary>The variable naming the role.</summary>
    public const string RoleNameVariable = "ALIBABA_CLOUD_ECS_METADATA";

    /// <summary>The variable that turns this provider off when <c>true</c>.</summary>
    public const string DisabledVariable = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";

    /// <summary>The variable that forbids the fallback to plain (token-less) requests when <c>true</c>.</summary>
    public const string ImdsV1DisabledVariable = "ALIBABA_CLOUD_IMDSV1_DISABLED";

    internal const string TokenPath = "/latest/api/token";
    internal const string CredentialsPath = "/latest/meta-data/ram/security-credentials/";
    internal const string TokenTtlHeader = "x-aliyun-ecs-metadata-token-ttl-seconds";
    internal const string TokenHeader = "x-aliyun-ecs-metadata-token";
    internal const string TokenTtlSeconds = "21600";

    private readonly CredentialsContext _context;
    private readonly string? _roleName;
    private readonly bool _imdsV1Disabled;
    private readonly bool _disabled;
    private readonly string _source;
    private readonly RefreshingCredentialsCache _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="roleName">The RAM role's name; null reads <c>ALIBABA_CLOUD_ECS_METADATA</c> or asks the metadata service.</param>
    /// <param name="disableImdsV1">True forbids the token-less fallback; null reads <c>ALIBABA_CLOUD_IMDSV1_DISABLED</c>.</param>
    /// <param name="metadataBaseAddress">The metadata service; null is <c>http://100.100.100.200</c>.</param>
    /// <param name="timeout">The limit on each metadata request; null is 1 second.</param>
    /// <param name="httpClient">The client to send with; null uses a shared client that never goes through a proxy
    /// (give one that does not either: the service is link-local and answers with the role's credentials).</param>
    public EcsRamRoleCredentialsProvider(string? roleName = null, bool? disableImdsV1 = null, Uri? metadataBaseAddress = null, TimeSpan? timeout = null, HttpClient? httpClient = null)
        : this(CredentialsContext.Default with
        {
            MetadataHttpClient = httpClient,
            MetadataBaseAddress = metadataBaseAddress ?? CredentialsContext.DefaultMetadataBaseAddress,
            MetadataTimeout = timeout ?? CredentialsContext.Default.MetadataTimeout,
        }, roleName, disableImdsV1)
    {
    }

    internal EcsRamRoleCredentialsProvider(CredentialsContext context, string? roleName = null, bool? disableImdsV1 = null)
    {
        _context = context;
        _roleName = string.IsNullOrWhiteSpace(roleName) ? context.Variable(RoleNameVariable) : roleName!.Trim();
        _imdsV1Disabled = disableImdsV1 ?? context.IsTrue(ImdsV1DisabledVariable);
        _disabled = context.IsTrue(DisabledVariable);
        _source = $"ECS RAM role (metadata service {context.MetadataBaseAddress.GetLeftPart(UriPartial.Authority)})";
        _cache = new RefreshingCredentialsCache(FetchAsync, context.TimeProvider, RefreshingCredentialsCache.EcsPrefetchMargin, _source);
    }

    /// <inheritdoc />
    /// <exception cref="EcsCredentialsException">The provider is disabled, the service is unreachable, or its answer is unusable.</exception>
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (_disabled)
        {
            throw new EcsCredentialsException($"{_source}: disabled by {DisabledVariable}=true.");
        }

        return _cache.GetAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"EcsRamRoleCredentialsProvider {{ RoleName = {_roleName ?? "(discovered)"}, Metadata = {_context.MetadataBaseAddress}, ImdsV1Fallback = {!_imdsV1Disabled} }}";

    private async Task<AlibabaCloudCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        string? token = await GetTokenAsync(cancellationToken).ConfigureAwait(false); // a new token for every refresh
        string roleName = _roleName ?? await DiscoverRoleNameAsync(token, cancellationToken).ConfigureAwait(false);
        string body = await GetAsync(CredentialsPath + Uri.EscapeDataString(roleName), token, cancellationToken).ConfigureAwait(false);
        return SessionCredentialsParser.Parse(body, _source, "ecs_ram_role", requireSuccessCode: true);
    }

    private async Task<string> DiscoverRoleNameAsync(string? token, CancellationToken cancellationToken)
    {
        string roleName = (await GetAsync(CredentialsPath, token, cancellationToken).ConfigureAwait(false)).Trim();
        return roleName.Length == 0
            ? throw new EcsCredentialsException($"{_source}: no RAM role is attached to this instance (set {RoleNameVariable} to name one).")
            : roleName;
    }

    /// <summary>The hardened-mode token, or null to continue without one when IMDSv1 is allowed.</summary>
    private async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        string failure;
        EcsCredentialsException? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_context.MetadataBaseAddress, TokenPath));
            request.Headers.TryAddWithoutValidation(TokenTtlHeader, TokenTtlSeconds);
            var (status, body) = await CredentialsHttp.SendAsync(_context.MetadataClient, request, _context.MetadataTimeout, _context.TimeProvider, _source, cancellationToken).ConfigureAwait(false);
            if (status == 200 && body.Trim().Length > 0)
            {
                return body.Trim();
            }

            failure = $"HTTP {status}";
        }
        catch (EcsCredentialsException e)
        {
            failure = e.Message;
            error = e;
        }

        return _imdsV1Disabled
            ? throw new EcsCredentialsException($"{_source}: the metadata token request failed and the IMDSv1 fallback is disabled ({ImdsV1DisabledVariable}=true): {failure}", error)
            : null;
    }

    /// <summary>GET with the token; a failed tokened request is retried once without it when IMDSv1 is allowed.</summary>
    private async Task<string> GetAsync(string path, string? token, CancellationToken cancellationToken)
    {
        try
        {
            return await GetOnceAsync(path, token, cancellationToken).ConfigureAwait(false);
        }
        catch (EcsCredentialsException) when (token is not null && !_imdsV1Disabled)
        {
            return await GetOnceAsync(path, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> GetOnceAsync(string path, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_context.MetadataBaseAddress, path));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation(TokenHeader, token);
        }

        var (status, body) = await CredentialsHttp.SendAsync(_context.MetadataClient, request, _context.MetadataTimeout, _context.TimeProvider, _source, cancellationToken).ConfigureAwait(false);
        return status == 200
            ? body
            : throw new EcsCredentialsException($"{_source}: GET {path} answered HTTP {status}.");
    }
}
