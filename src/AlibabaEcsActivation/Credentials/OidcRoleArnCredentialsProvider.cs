using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Signing;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Temporary credentials of a RAM role, from STS <c>AssumeRoleWithOIDC</c> (unsigned) with an OIDC
/// token read from a file: RRSA in Kubernetes. Reads <c>ALIBABA_CLOUD_ROLE_ARN</c>,
/// <c>ALIBABA_CLOUD_OIDC_PROVIDER_ARN</c> and <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c> for what the options
/// leave unset. The token file is re-read at every refresh (the kubelet rotates it). Cached and
/// refreshed 15 minutes before expiry.
/// </summary>
public sealed class OidcRoleArnCredentialsProvider : ICredentialsProvider
{
    /// <summary>The variable holding the OIDC provider's ARN.</summary>
    public const string OidcProviderArnVariable = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";

    /// <summary>The variable holding the path of the OIDC token file.</summary>
    public const string OidcTokenFileVariable = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";

    private readonly StsClient _sts;
    private readonly string? _oidcProviderArn;
    private readonly string? _tokenFilePath;
    private readonly RefreshingCredentialsCache _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">Role, provider and token file; null (or unset values) read the environment.</param>
    /// <param name="httpClient">The client to send with (a proxy or handler on it applies); null uses a shared one with the system proxy settings.</param>
    /// <exception cref="ArgumentException">A duration below 900 s or an invalid endpoint.</exception>
    public OidcRoleArnCredentialsProvider(OidcRoleArnCredentialsProviderOptions? options = null, HttpClient? httpClient = null)
        : this(CredentialsContext.Default.WithNetworkClient(httpClient), options)
    {
    }

    internal OidcRoleArnCredentialsProvider(CredentialsContext context, OidcRoleArnCredentialsProviderOptions? options)
    {
        options ??= new OidcRoleArnCredentialsProviderOptions();
        _sts = new StsClient(context, options);
        _oidcProviderArn = string.IsNullOrWhiteSpace(options.OidcProviderArn) ? context.Variable(OidcProviderArnVariable) : options.OidcProviderArn;
        _tokenFilePath = string.IsNullOrWhiteSpace(options.OidcTokenFilePath) ? context.Variable(OidcTokenFileVariable) : options.OidcTokenFilePath;
        _cache = new RefreshingCredentialsCache(FetchAsync, context.TimeProvider, RefreshingCredentialsCache.DefaultRefreshMargin, _sts.Source("AssumeRoleWithOIDC"));
    }

    /// <summary>True when the role, the OIDC provider and the token file are all known.</summary>
    public bool IsConfigured => _sts.RoleArn is not null && _oidcProviderArn is not null && _tokenFilePath is not null;

    /// <inheritdoc />
    /// <exception cref="EcsCredentialsException">A setting is missing, the token file cannot be read, or STS refused or answered oddly.</exception>
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (!IsConfigured)
        {
            throw new EcsCredentialsException(
                $"OIDC role: not set: {Missing()} (all three of {StsClient.RoleArnVariable}, {OidcProviderArnVariable}, {OidcTokenFileVariable} are needed).");
        }

        return _cache.GetAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"OidcRoleArnCredentialsProvider {{ RoleArn = {_sts.RoleArn ?? "(none)"}, OidcProviderArn = {_oidcProviderArn ?? "(none)"}, TokenFile = {_tokenFilePath ?? "(none)"}, Sts = {_sts.Endpoint} }}";

    private string Missing() => string.Join(", ", new[]
    {
        _sts.RoleArn is null ? StsClient.RoleArnVariable : null,
        _oidcProviderArn is null ? OidcProviderArnVariable : null,
        _tokenFilePath is null ? OidcTokenFileVariable : null,
    }.Where(name => name is not null));

    private async Task<AlibabaCloudCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var body = new RpcParameters()
            .Set("OIDCProviderArn", _oidcProviderArn!)
            .Set("OIDCToken", ReadToken());
        return await _sts.AssumeRoleAsync("AssumeRoleWithOIDC", body, signer: null, "oidc_role_arn", cancellationToken).ConfigureAwait(false);
    }

    private string ReadToken()
    {
        string token;
        try
        {
            token = File.ReadAllText(_tokenFilePath!).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EcsCredentialsException($"OIDC role: cannot read the token file {_tokenFilePath} ({e.GetType().Name}).", e);
        }

        return token.Length == 0 ? throw new EcsCredentialsException($"OIDC role: the token file {_tokenFilePath} is empty.") : token;
    }
}
