using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Sends one request of a network credentials source (metadata service, STS, credentials URI) with a
/// time limit, and turns every transport failure into an <see cref="EcsCredentialsException"/> that
/// names the source and host, never a header or body (they carry tokens and secrets).
/// </summary>
internal static class CredentialsHttp
{
    /// <summary>Credentials answers are a few hundred bytes; nothing bigger is read.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    private static readonly Lazy<HttpClient> Metadata = new(() => CreateClient(CreateMetadataHandler()));
    private static readonly Lazy<HttpClient> Network = new(() => CreateClient(CreateHandler(useProxy: true, connectTimeout: TimeSpan.FromSeconds(5))));

    public static HttpClient SharedMetadataClient => Metadata.Value;

    public static HttpClient SharedNetworkClient => Network.Value;

    /// <summary>Sends the request and reads the body as text.</summary>
    /// <remarks><paramref name="timeout"/> runs on <paramref name="timeProvider"/>: the context's clock, the one that also ages the credentials.</remarks>
    /// <exception cref="EcsCredentialsException">No answer within <paramref name="timeout"/>, or the connection failed.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public static async Task<(int Status, string Body)> SendAsync(
        HttpClient client, HttpRequestMessage request, TimeSpan timeout, TimeProvider timeProvider, string source, CancellationToken cancellationToken)
    {
        string host = request.RequestUri?.GetLeftPart(UriPartial.Authority) ?? "(no address)";
        using var deadline = new LinkedDeadline(timeProvider, timeout, cancellationToken);
        try
        {
            using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            using ResponseBody body = await ResponseReader.ReadAsync(response.Content, MaxBodyBytes, deadline.Token).ConfigureAwait(false);
            if (body.Truncated)
            {
                throw new EcsCredentialsException($"{source}: the answer from {host} exceeded {MaxBodyBytes} bytes.");
            }

            return ((int)response.StatusCode, body.DecodeText());
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EcsCredentialsException($"{source}: no answer from {host} within {timeout.TotalMilliseconds:0} ms.", e);
        }
        catch (HttpRequestException e)
        {
            throw new EcsCredentialsException($"{source}: could not reach {host} ({e.Message}).", e);
        }
    }

    /// <summary>
    /// The handler of the shared metadata client. Never through a proxy: the metadata service is link-local
    /// (100.100.100.200), a proxy cannot reach it, and would see the role's credentials if it could.
    /// </summary>
    internal static HttpMessageHandler CreateMetadataHandler() => CreateHandler(useProxy: false, connectTimeout: TimeSpan.FromSeconds(1));

    private static HttpMessageHandler CreateHandler(bool useProxy, TimeSpan connectTimeout)
    {
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler { UseProxy = useProxy, ConnectTimeout = connectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
#else
        _ = connectTimeout; // the per-request limit covers the connection on older frameworks
        return new HttpClientHandler { UseProxy = useProxy };
#endif
    }

    // The per-request limits are ours (SendAsync), not HttpClient's.
    private static HttpClient CreateClient(HttpMessageHandler handler) => new(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
}
