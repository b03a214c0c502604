using System;
using System.Net.Http;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// What every provider reads from the outside world: environment variables, the home directory,
/// the clock, the HTTP client and the network addresses and timeouts. Injected so that tests run
/// against a temporary HOME, a fake environment and loopback fakes; production uses <see cref="Default"/>.
/// </summary>
internal sealed record CredentialsContext
{
    /// <summary>The instance metadata service of ECS.</summary>
    public static readonly Uri DefaultMetadataBaseAddress = new("http://100.100.100.200");

    /// <summary>The process environment, the user's home directory and the system clock.</summary>
    public static CredentialsContext Default { get; } = new();

    /// <summary>Reads one environment variable; null when unset.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The user's home directory, or null when it cannot be determined.</summary>
    public string? HomeDirectory { get; init; } = FindHomeDirectory();

    /// <summary>The clock that decides when temporary credentials are stale and when a credentials request has waited too long.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// The client for the metadata service; null uses the library's shared one, which never goes through a
    /// proxy. Only an <see cref="EcsRamRoleCredentialsProvider"/> given a client, and tests, set it.
    /// </summary>
    public HttpClient? MetadataHttpClient { get; init; }

    /// <summary>
    /// Gives the client for each STS and credentials-URI request: the user's (a named client from
    /// IHttpClientFactory, or <see cref="EcsActivationClientOptions.CredentialsHttpClient"/>), so that a proxy
    /// or handler they configure applies; null uses the library's shared one, with the system proxy settings.
    /// </summary>
    public Func<HttpClient>? NetworkHttpClientSource { get; init; }

    /// <summary>Where the ECS instance metadata service listens.</summary>
    public Uri MetadataBaseAddress { get; init; } = DefaultMetadataBaseAddress;

    /// <summary>The limit on one metadata request (the official SDKs use 1 s to connect and 1 s to read).</summary>
    public TimeSpan MetadataTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The limit on one STS or credentials-URI request (the official SDKs read for 10 s).</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The variable's value; empty counts as unset, as in the official SDKs.</summary>
    public string? Variable(string name)
    {
        string? value = GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>True when the variable is <c>true</c>, in any case.</summary>
    public bool IsTrue(string name) => string.Equals(Variable(name)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The client for the metadata service: never through a proxy, the service is link-local.</summary>
    public HttpClient MetadataClient => MetadataHttpClient ?? CredentialsHttp.SharedMetadataClient;

    /// <summary>The client for STS and credentials URIs: the user's when configured, else the shared one (system proxy settings apply).</summary>
    public HttpClient NetworkClient => NetworkHttpClientSource?.Invoke() ?? CredentialsHttp.SharedNetworkClient;

    /// <summary>This context with <paramref name="httpClient"/> for STS and credentials URIs when it is given (never for the metadata service).</summary>
    public CredentialsContext WithNetworkClient(HttpClient? httpClient) => httpClient is null ? this : this with { NetworkHttpClientSource = () => httpClient };

    /// <inheritdoc />
    public override string ToString() => $"CredentialsContext {{ Home = {HomeDirectory ?? "(unknown)"}, Metadata = {MetadataBaseAddress} }}";

    private static string? FindHomeDirectory()
    {
        // HOME first (what the aliyun CLI uses on Unix), then the profile folder (Windows).
        string? home = Environment.GetEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return string.IsNullOrEmpty(home) ? null : home;
    }
}
