using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Serialization;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation.Benchmarks;

/// <summary>
/// The SDK and its baseline against the same loopback server: <see cref="ClientCallAsync"/> is
/// <c>DisableActivationAsync</c> (sign, send, read, parse, validate); <see cref="RawCallAsync"/>
/// is plain HttpClient posting one request signed in advance and reading the body as bytes. The
/// baseline passes the pre-signed URL as a string, as <c>HttpClient.PostAsync(url, ...)</c> callers
/// do, so HttpClient parses it into a Uri per request (a signed URL cannot be reused: the nonce).
/// <see cref="FloorCallAsync"/> is the baseline plus one HMAC-SHA1 over a fixed string-to-sign and parsing
/// the body into the typed response. <see cref="ObligationsCallAsync"/> is a plainly written conforming
/// client: everything the API obliges each attempt to do, without the SDK's code or structure.
/// </summary>
internal sealed class EndToEndScenario : IDisposable
{
    private readonly EcsActivationClient _client;
    private readonly HttpClient _clientHttp;
    private readonly HttpClient _rawHttp;
    private readonly string _presignedUrl;
    private readonly string _endpoint;
    private readonly string _userAgent;
    private readonly TimeSpan _attemptTimeout;

    private const string ApiVersion = "2014-05-26";

    /// <param name="serverUrl">Where both sides send their requests.</param>
    /// <param name="createHttpClient">Makes each side's HttpClient; by default <see cref="BenchmarkData.CreateHttpClient"/>.</param>
    public EndToEndScenario(string serverUrl, Func<HttpClient>? createHttpClient = null)
    {
        createHttpClient ??= BenchmarkData.CreateHttpClient;
        _clientHttp = createHttpClient();
        var options = new EcsActivationClientOptions
        {
            RegionId = BenchmarkData.RegionId,
            Endpoint = serverUrl,
            AccessKeyId = BenchmarkData.AccessKeyId,
            AccessKeySecret = BenchmarkData.AccessKeySecret,
        };
        _client = new EcsActivationClient(options, _clientHttp);
        _rawHttp = createHttpClient();
        _endpoint = serverUrl.TrimEnd('/') + "/";
        _presignedUrl = BenchmarkData.Sign(_endpoint).Url;

        // What the SDK sends with these options: its User-Agent header and its per-attempt deadline.
        var settings = new ClientSettings(options, new StaticCredentialsProvider(BenchmarkData.AccessKeyId, BenchmarkData.AccessKeySecret, securityToken: null), nonceSource: null, options.TimeProvider);
        _userAgent = settings.UserAgent;
        _attemptTimeout = settings.AttemptTimeout;
    }

    public Task<DisableActivationResponse> ClientCallAsync() => _client.DisableActivationAsync(BenchmarkData.ActivationId);

    /// <summary>The baseline: posts the pre-signed URL and returns the body's bytes, unparsed.</summary>
    public async Task<byte[]> RawCallAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _presignedUrl);
        using HttpResponseMessage response = await _rawHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The floor under any client of this API: the raw call plus one HMAC-SHA1 over the string-to-sign and
    /// the documented body parsed by the SDK's reader. No encoding, no retry, no timeouts: what the SDK adds
    /// beyond this is what it could still save.
    /// </summary>
    public async Task<DisableActivationResponse> FloorCallAsync()
    {
        MacStringToSign();
        return ParseBody(await RawCallAsync().ConfigureAwait(false));
    }

    /// <summary>
    /// A plainly written conforming client: per call a fresh Timestamp and SignatureNonce, the parameters
    /// in canonical order, percent-encoded (<see cref="Uri.EscapeDataString"/> is RFC 3986, as the API
    /// wants) and signed with the platform's one-shot HMAC-SHA1, the official client's three headers, a
    /// deadline on the attempt, and the body parsed. None of the SDK's code and none of its structure: no
    /// retry, no overall timeout, no typed errors, no logging or tracing.
    /// </summary>
    public async Task<DisableActivationResponse> ObligationsCallAsync()
    {
        var parameters = new[]
        {
            new KeyValuePair<string, string>("AccessKeyId", BenchmarkData.AccessKeyId),
            new KeyValuePair<string, string>("Action", BenchmarkData.Action),
            new KeyValuePair<string, string>("ActivationId", BenchmarkData.ActivationId),
            new KeyValuePair<string, string>("Format", "JSON"),
            new KeyValuePair<string, string>("RegionId", BenchmarkData.RegionId),
            new KeyValuePair<string, string>("SignatureMethod", "HMAC-SHA1"),
            new KeyValuePair<string, string>("SignatureNonce", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            new KeyValuePair<string, string>("SignatureVersion", "1.0"),
            new KeyValuePair<string, string>("Timestamp", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new KeyValuePair<string, string>("Version", ApiVersion),
        };
        Array.Sort(parameters, (x, y) => string.CompareOrdinal(x.Key, y.Key));
        var query = new StringBuilder(512);
        foreach (var (name, value) in parameters)
        {
            query.Append(query.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        string stringToSign = "POST&%2F&" + Uri.EscapeDataString(query.ToString());
#pragma warning disable CA5350 // RPC v1 is HMAC-SHA1 by specification.
        byte[] mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(BenchmarkData.AccessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign));
#pragma warning restore CA5350
        string url = _endpoint + "?" + query + "&Signature=" + Uri.EscapeDataString(Convert.ToBase64String(mac));

        using var deadline = new CancellationTokenSource(_attemptTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.TryAddWithoutValidation("x-acs-action", BenchmarkData.Action);
        request.Headers.TryAddWithoutValidation("x-acs-version", ApiVersion);
        using HttpResponseMessage response = await _rawHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return ParseBody(await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false));
    }

    /// <summary>The documented body, parsed by the SDK's source-generated reader (the floor's and the obligations' parse).</summary>
    private static DisableActivationResponse ParseBody(byte[] body) =>
        JsonSerializer.Deserialize(body, EcsJsonContext.Default.DisableActivationResponse)!;

#pragma warning disable CA5350 // RPC v1 is HMAC-SHA1 by specification.
    private static void MacStringToSign() =>
        HMACSHA1.HashData(BenchmarkData.HmacKey, BenchmarkData.StringToSignBytes, stackalloc byte[20]);
#pragma warning restore CA5350

    /// <summary>Runs <paramref name="calls"/> calls spread over <paramref name="callers"/> concurrent loops.</summary>
    public static async Task RunConcurrentAsync(Func<Task> call, int callers, int calls)
    {
        int remaining = calls;
        var loops = new Task[callers];
        for (int i = 0; i < callers; i++)
        {
            loops[i] = Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    await call().ConfigureAwait(false);
                }
            });
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _client.Dispose();
        _clientHttp.Dispose();
        _rawHttp.Dispose();
    }
}
