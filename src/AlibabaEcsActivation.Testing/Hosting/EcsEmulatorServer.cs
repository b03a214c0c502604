using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing.Requests;
using AlibabaEcsActivation.Testing.Responses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// The network host: a Kestrel web server on 127.0.0.1 (never another interface) that answers
/// from its <see cref="EcsEmulator"/>, for anything that speaks HTTP. A dropped connection
/// (<see cref="EcsFault.DropConnection"/>, <see cref="EcsFault.ActThenReset"/>) is a real connection abort; a
/// truncated answer (<see cref="EcsFault.ActThenTruncate"/>) is sent with a Content-Length that matches its cut body. Start it with <see cref="EcsEmulator.StartServerAsync"/>; dispose it to stop.
/// </summary>
public sealed class EcsEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EcsEmulatorServer(WebApplication app, EcsEmulator emulator, Uri baseAddress)
    {
        _app = app;
        Emulator = emulator;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:54321/</c>; use it as the client's <c>Endpoint</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The emulator the server answers from.</summary>
    public EcsEmulator Emulator { get; }

    /// <summary>Stops accepting requests and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"EcsEmulatorServer {BaseAddress}";

    internal static async Task<EcsEmulatorServer> StartAsync(EcsEmulator emulator, int port, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);

        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = EmulatorRequest.MaxFormBodyBytes;
        });
        WebApplication app = builder.Build();
        app.Run(context => HandleAsync(emulator, context));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Kestrel reports the port it bound, which matters when port 0 asked for any free one.
        var bound = new Uri(app.Urls.First());
        return new EcsEmulatorServer(app, emulator, new Uri($"http://127.0.0.1:{bound.Port.ToString(CultureInfo.InvariantCulture)}/"));
    }

    private static async Task HandleAsync(EcsEmulator emulator, HttpContext context)
    {
        HttpRequest request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        byte[] body = buffer.ToArray();
        string? form = null;
        if (EmulatorRequest.IsFormContentType(request.ContentType?.Split(';')[0]))
        {
            form = Encoding.UTF8.GetString(body);
        }

        Dictionary<string, string> headers = EmulatorRequest.NewHeaders();
        foreach (var (name, values) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = values.ToString();
        }

        string query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        var emulated = new EmulatorRequest(
            request.Method, request.Path.HasValue ? request.Path.Value! : "/", query, form,
            request.Headers["x-acs-retry-attempts"].FirstOrDefault(), request.Host.Value, headers, body);

        EmulatorResponse response;
        try
        {
            response = await emulator.Pipeline.ProcessAsync(emulated, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; already recorded as abandoned
        }

        if (response.DropsConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        if (response.RequestId is not null)
        {
            context.Response.Headers["x-acs-request-id"] = response.RequestId;
        }

        if (response.RetryAfterMs is { } retryAfter)
        {
            context.Response.Headers["x-acs-retry-after"] = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
