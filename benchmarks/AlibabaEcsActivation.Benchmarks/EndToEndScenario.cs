using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Serialization;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation.Benchmarks;

/// <summary>
/// The SDK and its baseline against the same loopback server: <see cref="ClientCallAsync"/> is
/// <c>DisableActivationAsync</c> (sign, send, read, parse, validate); <see cref="RawCallAsync"/>
/// is plain HttpClient posting one request signed in advance and reading the body as bytes. The
/// baseline passes the pre-signed URL as a string, as <c>HttpClient.PostAsync(url, ...)</c> callers
/// do, so HttpClient parses it into a Uri per request (a signed URL cannot be reused: the nonce).
/// <see cref="FloorCallAsync"/> is the baseline plus one HMAC-SHA1 over a fixed string-to-sign and parsing
/// the body into the typed response. <see cref="ObligationsCallAsync"/> is the baseline plus everything
/// the API obliges each attempt of a correct client to do, as plain code without the SDK's structure.
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
        var settings = new ClientSettings(options, new StaticCredentialsProvider(BenchmarkData.AccessKeyId, BenchmarkData.AccessKeySecret, securityToken: null), nonceSource: null);
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
    /// The floor under any client of this API: the raw call plus one HMAC-SHA1 over the string-to-sign (with
    /// the SDK's own keyed per-thread state) and the documented body parsed by the SDK's reader. No encoding,
    /// no retry, no timeouts: what the SDK adds beyond this is what it could still save.
    /// </summary>
    public async Task<DisableActivationResponse> FloorCallAsync()
    {
        MacStringToSign();
        return ParseBody(await RawCallAsync().ConfigureAwait(false));
    }

    /// <summary>
    /// The floor plus the rest of what the API and the SDK's wire format oblige every attempt to do, as plain
    /// straight-line code: a fresh Timestamp and SignatureNonce, the parameters put in canonical order,
    /// encoded and signed (the SDK's signer), the official client's three headers, and a deadline on the
    /// attempt. None of the SDK's structure: no retry pipeline, no overall timeout, no typed errors, no
    /// logging or tracing. What separates the SDK from this is what that structure costs.
    /// </summary>
    public async Task<DisableActivationResponse> ObligationsCallAsync()
    {
        var common = new CommonParameters(
            BenchmarkData.Action, RpcInvoker.ApiVersion, TimestampFormatter.Format(DateTime.UtcNow), NonceGenerator.Next(), BenchmarkData.AccessKeyId, securityToken: null);
        SignedRequest signed = RpcSigner.Sign(RpcInvoker.HttpMethodName, BenchmarkData.Business, common, BenchmarkData.AccessKeySecret, _endpoint);
        using var deadline = new CancellationTokenSource(_attemptTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, signed.Url);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.TryAddWithoutValidation("x-acs-action", BenchmarkData.Action);
        request.Headers.TryAddWithoutValidation("x-acs-version", RpcInvoker.ApiVersion);
        using HttpResponseMessage response = await _rawHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return ParseBody(await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false));
    }

    /// <summary>The documented body, parsed by the SDK's source-generated reader (the floor's and the obligations' parse).</summary>
    private static DisableActivationResponse ParseBody(byte[] body) =>
        JsonSerializer.Deserialize(body, EcsJsonContext.Default.DisableActivationResponse)!;

    // Synchronous, so the MAC can live on the stack: concurrent callers share no buffer.
    private static void MacStringToSign()
    {
        Span<byte> mac = stackalloc byte[PerThreadHmac.MacLength];
        PerThreadHmac.Compute(BenchmarkData.AccessKeySecret, BenchmarkData.StringToSignBytes, BenchmarkData.StringToSignBytes.Length, mac);
    }

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
