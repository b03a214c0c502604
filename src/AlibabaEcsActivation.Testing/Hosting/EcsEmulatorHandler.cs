using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing.Requests;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// The in-process host: an <see cref="HttpMessageHandler"/> that answers every request from
/// its <see cref="EcsEmulator"/>, with no socket. Any scheme, host and port work. A dropped
/// connection (<see cref="EcsFault.DropConnection"/>, <see cref="EcsFault.ActThenReset"/>) surfaces as
/// <see cref="HttpRequestException"/> (with an <see cref="IOException"/> inside), as it would from a real
/// socket; a truncated answer (<see cref="EcsFault.ActThenTruncate"/>) has a Content-Length that matches its cut body. Create it with <see cref="EcsEmulator.CreateHandler"/>.
/// </summary>
public sealed class EcsEmulatorHandler : HttpMessageHandler
{
    private readonly EcsEmulator _emulator;

    internal EcsEmulatorHandler(EcsEmulator emulator)
    {
        _emulator = emulator;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no RequestUri.");
        byte[] body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? form = null;
        if (request.Content is not null && EmulatorRequest.IsFormContentType(request.Content.Headers.ContentType?.MediaType))
        {
            form = Encoding.UTF8.GetString(body);
        }

        // What a socket would carry: the Host header as set, else the URL's authority.
        string host = request.Headers.Host ?? uri.Authority;
        Dictionary<string, string> headers = EmulatorRequest.NewHeaders();
        foreach (var (name, values) in request.Content is null ? request.Headers : request.Headers.Concat(request.Content.Headers))
        {
            headers[name.ToLowerInvariant()] = string.Join(",", values);
        }

        headers["host"] = host;
        string? retryAttempts = request.Headers.TryGetValues("x-acs-retry-attempts", out var retryValues) ? retryValues.FirstOrDefault() : null;
        var emulated = new EmulatorRequest(
            request.Method.Method, uri.AbsolutePath, uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped), form, retryAttempts, host, headers, body);

        EmulatorResponse response = await _emulator.Pipeline.ProcessAsync(emulated, cancellationToken).ConfigureAwait(false);
        if (response.DropsConnection)
        {
            throw new HttpRequestException(
                response.DropReason,
                new IOException("The connection was closed by the ECS emulator before a response was sent."));
        }

        var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode)
        {
            Content = new ByteArrayContent(response.Body),
            RequestMessage = request,
        };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", response.ContentType);
        if (response.RequestId is not null)
        {
            message.Headers.TryAddWithoutValidation("x-acs-request-id", response.RequestId);
        }

        if (response.RetryAfterMs is { } retryAfter)
        {
            message.Headers.TryAddWithoutValidation("x-acs-retry-after", retryAfter.ToString(CultureInfo.InvariantCulture));
        }

        return message;
    }
}
