using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Diagnostics;
using AlibabaEcsActivation.Serialization;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlibabaEcsActivation;

/// <summary>
/// The ECS activation-code client. Immutable and thread-safe: create one and share it (or resolve
/// <see cref="IEcsActivationClient"/> from dependency injection). Every method validates its input
/// before any I/O, retries transient failures with a freshly signed request, and reports failures
/// as <see cref="EcsException"/> subclasses.
/// </summary>
public partial class EcsActivationClient : IEcsActivationClient, IDisposable
{
    /// <summary>A success that contradicts itself is no success: the code must be there, and disabled.</summary>
    private static readonly ResponseContract<DisableActivationResponse> DisabledCode = new(
        EcsJsonContext.Default.DisableActivationResponse,
        response => response.Activation is null ? "The response has no Activation object."
            : !response.Activation.Disabled ? "The response reports the activation code as not disabled (Disabled is false)."
            : NullEntries.In(response.Activation));

    private readonly ClientSettings _settings;
    private readonly RpcInvoker _invoker;
    private readonly ClientMetrics _metrics;
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Creates a client without dependency injection.</summary>
    /// <param name="options">Region, credentials, timeouts and retries; validated now.</param>
    /// <param name="httpClient">The HttpClient to send with; null creates one the client owns and disposes.
    /// A given HttpClient is not disposed by the client.</param>
    /// <param name="loggerFactory">Where to log; null logs nothing.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message says what to fix.</exception>
    /// <remarks>The client's metrics go to a <see cref="Meter"/> named <see cref="EcsActivationDiagnostics.MeterName"/>
    /// that it owns and disposes with itself (through dependency injection, the application's <see cref="IMeterFactory"/> makes it).</remarks>
    public EcsActivationClient(EcsActivationClientOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null)
        : this(options, httpClient, loggerFactory, nonceSource: null)
    {
    }

    internal EcsActivationClient(EcsActivationClientOptions options, HttpClient? httpClient, ILoggerFactory? loggerFactory, Func<string>? nonceSource, IMeterFactory? meterFactory = null)
    {
        _settings = CreateSettings(options, nonceSource, registeredTimeProvider: null, credentialsHttpClientSource: null, loggerFactory);
        if (httpClient is null)
        {
            _ownedHttpClient = CreateDefaultHttpClient();
            httpClient = _ownedHttpClient;
        }

        HttpClient client = httpClient;
        _metrics = new ClientMetrics(meterFactory);
        _invoker = new RpcInvoker(_settings, () => client, CreateLogger(loggerFactory), _metrics);
    }

    /// <summary>
    /// For dependency injection: takes a fresh HttpClient from the factory for every call, and the
    /// container's logger factory, meter factory and (unless the options set one) clock.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="httpClientSource">The client for the ECS API.</param>
    /// <param name="loggerFactory">Where to log.</param>
    /// <param name="meterFactory">The container's meter factory, if any.</param>
    /// <param name="registeredTimeProvider">The container's clock, if any.</param>
    /// <param name="credentialsHttpClientSource">The client for the default chain's STS and credentials-URI requests, unless the options give one.</param>
    internal EcsActivationClient(
        EcsActivationClientOptions options,
        Func<HttpClient> httpClientSource,
        ILoggerFactory? loggerFactory,
        IMeterFactory? meterFactory = null,
        TimeProvider? registeredTimeProvider = null,
        Func<HttpClient>? credentialsHttpClientSource = null)
    {
        _settings = CreateSettings(options, nonceSource: null, registeredTimeProvider, credentialsHttpClientSource, loggerFactory);
        _metrics = new ClientMetrics(meterFactory);
        _invoker = new RpcInvoker(_settings, httpClientSource, CreateLogger(loggerFactory), _metrics);
    }

    /// <inheritdoc />
    public virtual Task<DisableActivationResponse> DisableActivationAsync(string activationId, CancellationToken cancellationToken = default) =>
        DisableActivationAsync(new DisableActivationRequest(InputValidator.RequireId(activationId, nameof(activationId), "activation ID")), cancellationToken);

    /// <inheritdoc />
    public virtual Task<DisableActivationResponse> DisableActivationAsync(DisableActivationRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        string activationId = InputValidator.RequireId(request.ActivationId, nameof(request), "activation ID (DisableActivationRequest.ActivationId)");
        return _invoker.InvokeAsync(ActivationCall("DisableActivation", activationId, request.RegionId), DisabledCode, cancellationToken);
    }

    /// <summary>Disposes the HttpClient and the meter the client created itself, if any.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the owned HttpClient and meter.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
            _metrics.Dispose();
        }
    }

    /// <summary>Where this client's credentials come from (for tests).</summary>
    internal ICredentialsProvider CredentialsProvider => _settings.CredentialsProvider;

    /// <summary>The clock this client runs on (for tests).</summary>
    internal TimeProvider TimeProvider => _settings.TimeProvider;

    /// <summary>The meter this client records on (for tests).</summary>
    internal Meter Meter => _metrics.Meter;

    /// <inheritdoc />
    public override string ToString() => $"EcsActivationClient {{ RegionId = {_settings.DefaultRegionId}, Endpoint = {_settings.Endpoint ?? "(from region)"} }}";

    /// <summary>Builds a call: validates the region, adds it to the parameters and resolves the endpoint.</summary>
    private RpcCall CreateCall(string action, string? requestRegionId, RpcParameters parameters)
    {
        string regionId = requestRegionId is null
            ? _settings.DefaultRegionId
            : InputValidator.RequireRegionId(requestRegionId, "request");
        parameters.Set("RegionId", regionId);
        Uri endpoint = _settings.Endpoints.Resolve(regionId);
        return new RpcCall(action, regionId, parameters, endpoint);
    }

    /// <summary>Disable and Delete: an action on one activation code, named by its ID.</summary>
    private RpcCall ActivationCall(string action, string activationId, string? regionId) =>
        CreateCall(action, regionId, new RpcParameters().Set("ActivationId", activationId));

    private static ClientSettings CreateSettings(
        EcsActivationClientOptions options, Func<string>? nonceSource, TimeProvider? registeredTimeProvider, Func<HttpClient>? credentialsHttpClientSource, ILoggerFactory? loggerFactory)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        List<string> failures = EcsActivationClientOptionsValidator.GetFailures(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid EcsActivationClientOptions: " + string.Join(" ", failures), nameof(options));
        }

        TimeProvider clock = ClientSettings.EffectiveTimeProvider(options, registeredTimeProvider);
        return new ClientSettings(options, ResolveCredentials(options, clock, credentialsHttpClientSource, loggerFactory), nonceSource, clock);
    }

    private static ICredentialsProvider ResolveCredentials(
        EcsActivationClientOptions options, TimeProvider clock, Func<HttpClient>? credentialsHttpClientSource, ILoggerFactory? loggerFactory)
    {
        if (options.CredentialsProvider is not null)
        {
            return options.CredentialsProvider;
        }

        if (!string.IsNullOrEmpty(options.AccessKeyId))
        {
            return new StaticCredentialsProvider(options.AccessKeyId!, options.AccessKeySecret!, options.SecurityToken);
        }

        // The options' client first (it was given for this client), else the one from dependency injection.
        HttpClient? given = options.CredentialsHttpClient;
        // Credentials expire and refresh on the client's clock (a test's context brings its own).
        CredentialsContext context = options.CredentialsContext ?? CredentialsContext.Default with { TimeProvider = clock };
        context = context with { NetworkHttpClientSource = given is not null ? () => given : credentialsHttpClientSource ?? context.NetworkHttpClientSource };
        return new DefaultCredentialsProvider(context, CreateLogger(loggerFactory));
    }

    private static ILogger CreateLogger(ILoggerFactory? loggerFactory) =>
        loggerFactory?.CreateLogger(EcsActivationDiagnostics.LoggerCategory) ?? NullLogger.Instance;

    private static HttpClient CreateDefaultHttpClient()
    {
#if NET8_0_OR_GREATER
        // Recycle pooled connections so DNS changes are seen; the timeouts are ours, not HttpClient's.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(10) };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
#else
        return new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
#endif
    }
}
