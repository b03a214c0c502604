using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Calls STS (<c>AssumeRole</c>, <c>AssumeRoleWithOIDC</c>) the way the official SDKs do: POST over
/// HTTPS, the common parameters (and <c>Signature</c>) in the query, the role parameters in a form
/// body, an RPC v1 signature over both. Resolves the endpoint and the session settings once, from
/// <see cref="StsRoleOptions"/> and the environment.
/// </summary>
internal sealed class StsClient
{
    public const string RoleArnVariable = "ALIBABA_CLOUD_ROLE_ARN";
    public const string RoleSessionNameVariable = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
    public const string StsRegionVariable = "ALIBABA_CLOUD_STS_REGION";
    public const string VpcEndpointVariable = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";
    public const int MinimumDurationSeconds = 900;
    private const string ApiVersion = "2015-04-01";

    private readonly CredentialsContext _context;
    private readonly TimeSpan _timeout;
    private readonly string _roleSessionName;
    private readonly string _durationSeconds;
    private readonly string? _policy;
    private readonly Func<string> _nonceSource;

    /// <exception cref="ArgumentException">The options are invalid (duration below 900 s, bad endpoint).</exception>
    public StsClient(CredentialsContext context, StsRoleOptions options, Func<string>? nonceSource = null)
    {
        if (options.DurationSeconds < MinimumDurationSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DurationSeconds, $"DurationSeconds must be at least {MinimumDurationSeconds}.");
        }

        _context = context;
        _timeout = options.Timeout ?? context.NetworkTimeout;
        RoleArn = Blank(options.RoleArn) ?? context.Variable(RoleArnVariable);
        _roleSessionName = Blank(options.RoleSessionName) ?? context.Variable(RoleSessionNameVariable)
            ?? "alibaba-ecs-activation-" + context.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        _durationSeconds = options.DurationSeconds.ToString(CultureInfo.InvariantCulture);
        _policy = Blank(options.Policy);
        Endpoint = ResolveEndpoint(options.StsEndpoint, Blank(options.StsRegionId) ?? context.Variable(StsRegionVariable), options.EnableVpc ?? context.IsTrue(VpcEndpointVariable));
        _nonceSource = nonceSource ?? SignatureNonce.Next;
    }

    /// <summary>The role to assume, or null when neither the options nor the environment name one.</summary>
    public string? RoleArn { get; }

    /// <summary>Where requests go, e.g. <c>https://sts.aliyuncs.com/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Names STS in error messages.</summary>
    public string Source(string action) => $"STS {action} ({Endpoint.Host})";

    /// <summary>
    /// The endpoint: an explicit host or URL, else <c>sts[-vpc].&lt;region&gt;.aliyuncs.com</c>, else <c>sts.aliyuncs.com</c>; HTTPS.
    /// </summary>
    /// <exception cref="ArgumentException">A URL that is not HTTPS (plain HTTP is allowed only to loopback).</exception>
    public static Uri ResolveEndpoint(string? endpoint, string? regionId, bool vpc)
    {
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            string text = endpoint!.Trim();
            if (text.IndexOf("://", StringComparison.Ordinal) < 0)
            {
                text = "https://" + text;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
                || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                throw new ArgumentException($"The STS endpoint '{endpoint}' must be a host name or an HTTPS URL (plain HTTP only to a loopback address).", nameof(endpoint));
            }

            return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        }

        string host = string.IsNullOrWhiteSpace(regionId)
            ? "sts.aliyuncs.com"
            : $"{(vpc ? "sts-vpc" : "sts")}.{regionId!.Trim()}.aliyuncs.com";
        return new Uri("https://" + host + "/");
    }

    /// <summary>Assumes the role: adds <c>RoleArn</c>, <c>RoleSessionName</c>, <c>DurationSeconds</c> and <c>Policy</c> to <paramref name="body"/>.</summary>
    /// <param name="action"><c>AssumeRole</c> or <c>AssumeRoleWithOIDC</c>.</param>
    /// <param name="body">The action's own form parameters.</param>
    /// <param name="signer">The credentials to sign with; null sends the request unsigned (OIDC).</param>
    /// <param name="providerName">Stamped on the credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<AlibabaCloudCredentials> AssumeRoleAsync(string action, RpcParameters body, AlibabaCloudCredentials? signer, string providerName, CancellationToken cancellationToken)
    {
        string source = Source(action);
        body.Set("RoleArn", RoleArn ?? throw new EcsCredentialsException($"{source}: no role ARN (set {RoleArnVariable})."))
            .Set("RoleSessionName", _roleSessionName)
            .Set("DurationSeconds", _durationSeconds)
            .SetIfPresent("Policy", _policy);

        RpcParameters query = new RpcParameters()
            .Set("Action", action)
            .Set("Version", ApiVersion)
            .Set("Format", "JSON")
            .Set("Timestamp", RpcTimestamp.Format(_context.TimeProvider.GetUtcNow()));
        string queryString = Encode(query.Items);
        if (signer is not null)
        {
            query.Set("SignatureMethod", RpcSigner.SignatureMethod)
                .Set("SignatureVersion", RpcSigner.SignatureVersion)
                .Set("SignatureNonce", _nonceSource())
                .Set("AccessKeyId", signer.AccessKeyId)
                .SetIfPresent("SecurityToken", signer.SecurityToken);
            queryString = Encode(query.Items) + "&Signature=" + PercentEncoder.Encode(Sign(query, body, signer.AccessKeySecret));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, "?" + queryString))
        {
            Content = new StringContent(Encode(body.Items), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        var (status, text) = await CredentialsHttp.SendAsync(_context.NetworkClient, request, _timeout, _context.TimeProvider, source, cancellationToken).ConfigureAwait(false);
        return status == (int)HttpStatusCode.OK
            ? SessionCredentialsParser.Parse(text, source, providerName, container: "Credentials")
            : throw Failure(source, status, text, signer);
    }

    /// <inheritdoc />
    public override string ToString() => $"StsClient {{ Endpoint = {Endpoint}, RoleArn = {RoleArn ?? "(none)"} }}";

    /// <summary>The RPC v1 signature over the query and the body together, for POST.</summary>
    private static string Sign(RpcParameters query, RpcParameters body, string accessKeySecret)
    {
        var all = new RpcParameters();
        foreach (var item in query.Items)
        {
            all.Set(item.Key, item.Value);
        }

        foreach (var item in body.Items)
        {
            all.Set(item.Key, item.Value);
        }

        return RpcSigner.Sign("POST", all, accessKeySecret).Signature;
    }

    private static string Encode(IReadOnlyList<KeyValuePair<string, string>> items)
    {
        var builder = new StringBuilder(256);
        foreach (var item in items)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            PercentEncoder.Append(builder, item.Key);
            builder.Append('=');
            PercentEncoder.Append(builder, item.Value);
        }

        return builder.ToString();
    }

    /// <summary>
    /// STS's error, with <c>Code</c>, <c>RequestId</c> and the message, read by the same parser as the
    /// ECS API's errors: it cuts the server's string-to-sign (which holds the security token) out of a
    /// <c>SignatureDoesNotMatch</c> message. Any secret the message still echoes is masked too.
    /// </summary>
    private static EcsCredentialsException Failure(string source, int status, string text, AlibabaCloudCredentials? signer)
    {
        EcsError error = ErrorBodyParser.Parse(status, text, headerRequestId: null).Error;
        string? message = error.Message;
        foreach (string? secret in new[] { signer?.AccessKeySecret, signer?.SecurityToken })
        {
            if (message is not null && !string.IsNullOrEmpty(secret))
            {
                message = message.Replace(secret, "<redacted>");
            }
        }

        return new EcsCredentialsException(
            $"{source} failed: HTTP {status}, Code {error.Code ?? "(none)"}, RequestId {error.RequestId ?? "(none)"}: {message ?? "(no message)"}");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
