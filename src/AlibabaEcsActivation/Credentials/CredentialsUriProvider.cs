using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Temporary credentials from an HTTP endpoint you run (a sidecar, a vault agent): <c>GET</c> the URI,
/// expect HTTP 200 and JSON <c>AccessKeyId</c>, <c>AccessKeySecret</c>, <c>SecurityToken</c>,
/// <c>Expiration</c>. The URI comes from the constructor, else <c>ALIBABA_CLOUD_CREDENTIALS_URI</c>.
/// Cached and refreshed 15 minutes before expiry.
/// </summary>
public sealed class CredentialsUriProvider : ICredentialsProvider
{
    /// <summary>The variable holding the URI.</summary>
    public const string UriVariable = "ALIBABA_CLOUD_CREDENTIALS_URI";

    private readonly CredentialsContext _context;
    private readonly Uri? _uri;
    private readonly string? _invalidUri;
    private readonly string _source;
    private readonly RefreshingCredentialsCache _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="uri">The endpoint, e.g. <c>http://localhost:8080/credentials</c>; null reads <c>ALIBABA_CLOUD_CREDENTIALS_URI</c>.</param>
    /// <param name="timeout">The limit on each request; null is 10 seconds.</param>
    /// <param name="httpClient">The client to send with (a proxy or handler on it applies); null uses a shared one with the system proxy settings.</param>
    public CredentialsUriProvider(Uri? uri = null, TimeSpan? timeout = null, HttpClient? httpClient = null)
        : this(CredentialsContext.Default.WithNetworkClient(httpClient) with { NetworkTimeout = timeout ?? CredentialsContext.Default.NetworkTimeout }, uri)
    {
    }

    internal CredentialsUriProvider(CredentialsContext context, Uri? uri = null)
    {
        _context = context;
        if (uri is null && context.Variable(UriVariable) is string text)
        {
            if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
            {
                uri = parsed;
            }
            else
            {
                _invalidUri = $"{UriVariable} is not an http(s) URL.";
            }
        }

        _uri = uri;
        // Only scheme, host and path: a query string may carry a token.
        _source = $"credentials URI ({(uri is null ? "not set" : uri.GetLeftPart(UriPartial.Path))})";
        _cache = new RefreshingCredentialsCache(FetchAsync, context.TimeProvider, RefreshingCredentialsCache.DefaultRefreshMargin, _source);
    }

    /// <inheritdoc />
    /// <exception cref="EcsCredentialsException">No URI is set, the endpoint is unreachable, or its answer is unusable.</exception>
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (_uri is null)
        {
            throw new EcsCredentialsException($"credentials URI: {_invalidUri ?? UriVariable + " is not set."}");
        }

        return _cache.GetAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"CredentialsUriProvider {{ Uri = {_uri?.GetLeftPart(UriPartial.Path) ?? "(none)"} }}";

    private async Task<AlibabaCloudCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _uri);
        var (status, body) = await CredentialsHttp.SendAsync(_context.NetworkClient, request, _context.NetworkTimeout, _context.TimeProvider, _source, cancellationToken).ConfigureAwait(false);
        return status == 200
            ? SessionCredentialsParser.Parse(body, _source, "credential_uri")
            : throw new EcsCredentialsException($"{_source}: answered HTTP {status}.");
    }
}
