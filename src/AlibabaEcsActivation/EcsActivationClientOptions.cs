using System;
using System.Net.Http;
using AlibabaEcsActivation.Credentials;

namespace AlibabaEcsActivation;

/// <summary>
/// Settings of an <see cref="EcsActivationClient"/>: region, endpoint, credentials, timeouts and
/// retries. Bind it from configuration (section keys match the property names) or set it in code.
/// The client copies what it needs when it is created, so later changes do not affect it.
/// </summary>
public sealed class EcsActivationClientOptions
{
    /// <summary>The region used when a request names none, e.g. <c>cn-hangzhou</c>. Required.</summary>
    public string? RegionId { get; set; }

    /// <summary>
    /// Overrides the endpoint resolved from the region: a host (<c>ecs.cn-beijing.aliyuncs.com</c>) or a
    /// URL (<c>https://ecs-vpc.cn-beijing.aliyuncs.com</c>, <c>http://127.0.0.1:8080</c> for a local emulator).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Allows a plain-HTTP endpoint that is not a loopback address. Off by default: signed requests then travel in clear text.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The AccessKey ID. When set, <see cref="AccessKeySecret"/> is required and <see cref="CredentialsProvider"/> must be null.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The AccessKey secret. Never logged or shown by <see cref="ToString"/>.</summary>
    public string? AccessKeySecret { get; set; }

    /// <summary>An STS security token to send with <see cref="AccessKeyId"/>, for temporary credentials.</summary>
    public string? SecurityToken { get; set; }

    /// <summary>
    /// Where credentials come from, when not given as <see cref="AccessKeyId"/>/<see cref="AccessKeySecret"/>.
    /// Null with no AccessKey uses <see cref="DefaultCredentialsProvider"/>, the default chain of the
    /// Alibaba Cloud SDKs: the environment variables (<c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>,
    /// <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c>, <c>ALIBABA_CLOUD_SECURITY_TOKEN</c>), an OIDC role
    /// (RRSA), the aliyun CLI's <c>~/.aliyun/config.json</c>, the credentials file
    /// <c>~/.alibabacloud/credentials</c>, the ECS instance's RAM role, then
    /// <c>ALIBABA_CLOUD_CREDENTIALS_URI</c>.
    /// </summary>
    public ICredentialsProvider? CredentialsProvider { get; set; }

    /// <summary>
    /// The HttpClient for the STS (OIDC and RAM role) and credentials-URI requests of the default chain, so that
    /// a proxy or handler you configure applies to them too; not disposed by the client. Null uses a shared
    /// client with the system proxy settings (with dependency injection: the named client
    /// <c>EcsActivationServiceCollectionExtensions.CredentialsHttpClientName</c>). Used only when the client
    /// builds the default chain (no <see cref="AccessKeyId"/>, no <see cref="CredentialsProvider"/>). The ECS
    /// metadata service is always called directly, never through this client or a proxy.
    /// </summary>
    public HttpClient? CredentialsHttpClient { get; set; }

    /// <summary>For tests: what the default chain reads (environment, home directory, metadata address); null is the process's.</summary>
    internal CredentialsContext? CredentialsContext { get; set; }

    /// <summary>
    /// How requests are signed: <see cref="EcsSignatureAlgorithm.HmacSha1"/> (<c>"HMAC-SHA1"</c>, RPC signature
    /// v1, the default) or <see cref="EcsSignatureAlgorithm.Acs3HmacSha256"/> (<c>"ACS3-HMAC-SHA256"</c>,
    /// signature V3, which Alibaba Cloud's own SDKs send by default and which does without SHA-1). In
    /// configuration: <c>"SignatureAlgorithm": "ACS3-HMAC-SHA256"</c>.
    /// </summary>
    public string SignatureAlgorithm { get; set; } = EcsSignatureAlgorithm.HmacSha1;

    /// <summary>The longest a call may take, every attempt and backoff included. Default 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest one HTTP attempt may take before it is abandoned and retried. Default 15 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many times a failed attempt is retried (0 to 10). Default 3, so at most 4 attempts.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The backoff before the first retry; it doubles on each retry, with jitter. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The cap on any one backoff, throttling and server hints included. Default 10 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether <c>Throttling*</c> errors are retried (with a five times longer backoff). Default true.</summary>
    public bool RetryThrottling { get; set; } = true;

    /// <summary>Appended to the User-Agent header, to identify your application in Alibaba Cloud's logs.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>
    /// The clock for timestamps, timeouts, backoff and the elapsed times the client reports. Replace it only
    /// in tests. Through dependency injection, left at <see cref="TimeProvider.System"/>, the container's
    /// registered <see cref="System.TimeProvider"/> is used if there is one; set here, this one wins.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString() =>
        $"EcsActivationClientOptions {{ RegionId = {RegionId}, Endpoint = {Endpoint ?? "(from region)"}, AccessKeyId = {(AccessKeyId is null ? "(none)" : AlibabaCloudCredentials.Mask(AccessKeyId))}, " +
        $"AccessKeySecret = {(AccessKeySecret is null ? "(none)" : "<redacted>")}, SecurityToken = {(SecurityToken is null ? "(none)" : "<redacted>")}, " +
        $"CredentialsProvider = {CredentialsProvider?.GetType().Name ?? "(default)"}, Timeout = {Timeout}, AttemptTimeout = {AttemptTimeout}, MaxRetries = {MaxRetries} }}";
}
