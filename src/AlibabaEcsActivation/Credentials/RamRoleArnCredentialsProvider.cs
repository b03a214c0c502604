using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Signing;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Temporary credentials of a RAM role, from STS <c>AssumeRole</c> signed with source credentials
/// (an AccessKey, or itself temporary). Cached and refreshed 15 minutes before they expire.
/// </summary>
public sealed class RamRoleArnCredentialsProvider : ICredentialsProvider
{
    private readonly ICredentialsProvider _sourceCredentials;
    private readonly StsClient _sts;
    private readonly string? _externalId;
    private readonly RefreshingCredentialsCache _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="sourceCredentials">The credentials that sign the <c>AssumeRole</c> request.</param>
    /// <param name="options">The role and session; <see cref="StsRoleOptions.RoleArn"/> (or <c>ALIBABA_CLOUD_ROLE_ARN</c>) is required.</param>
    /// <param name="httpClient">The client to send with (a proxy or handler on it applies); null uses a shared one with the system proxy settings.</param>
    /// <exception cref="ArgumentException">No role ARN, a duration below 900 s, or an invalid endpoint.</exception>
    public RamRoleArnCredentialsProvider(ICredentialsProvider sourceCredentials, RamRoleArnCredentialsProviderOptions options, HttpClient? httpClient = null)
        : this(CredentialsContext.Default.WithNetworkClient(httpClient), sourceCredentials, options)
    {
    }

    internal RamRoleArnCredentialsProvider(CredentialsContext context, ICredentialsProvider sourceCredentials, RamRoleArnCredentialsProviderOptions options, Func<string>? nonceSource = null)
    {
        _sourceCredentials = sourceCredentials ?? throw new ArgumentNullException(nameof(sourceCredentials));
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _sts = new StsClient(context, options, nonceSource);
        if (_sts.RoleArn is null)
        {
            throw new ArgumentException($"RoleArn is required (or set {StsClient.RoleArnVariable}).", nameof(options));
        }

        _externalId = string.IsNullOrWhiteSpace(options.ExternalId) ? null : options.ExternalId;
        _cache = new RefreshingCredentialsCache(FetchAsync, context.TimeProvider, RefreshingCredentialsCache.DefaultRefreshMargin, _sts.Source("AssumeRole"));
    }

    /// <inheritdoc />
    /// <exception cref="EcsCredentialsException">The source credentials are unavailable, or STS refused or answered oddly.</exception>
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"RamRoleArnCredentialsProvider {{ RoleArn = {_sts.RoleArn}, Sts = {_sts.Endpoint}, Source = {_sourceCredentials} }}";

    private async Task<AlibabaCloudCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        AlibabaCloudCredentials source = await _sourceCredentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var body = new RpcParameters().SetIfPresent("ExternalId", _externalId);
        return await _sts.AssumeRoleAsync("AssumeRole", body, source, "ram_role_arn/" + source.ProviderName, cancellationToken).ConfigureAwait(false);
    }
}
