using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Diagnostics;
using AlibabaEcsActivation.Signing;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// Runs one API call: a Polly retry pipeline around attempts, each bounded by <see cref="CallTimeouts"/>
/// (the per-attempt timeout and the call's overall timeout on one cancellation source).
/// Signing sits INSIDE the retry on purpose: every attempt resolves credentials, stamps a fresh
/// <c>Timestamp</c> and <c>SignatureNonce</c>, signs and sends a new <see cref="HttpRequestMessage"/>,
/// because the service rejects a reused nonce and a stale timestamp. A retry handler outside the
/// signer (the usual HttpClient policy handler) would resend the same signed message.
/// </summary>
internal sealed class RpcInvoker
{
    public const string ApiVersion = "2014-05-26";
    public const string HttpMethodName = "POST";

    private static readonly ResiliencePropertyKey<RpcCall> CallKey = new("AlibabaEcsActivation.Call");

    /// <summary>A longer Retry-After is no hint a client can follow; it is ignored.</summary>
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromDays(1);

    private readonly ClientSettings _settings;
    private readonly Func<HttpClient> _httpClientSource;
    private readonly ILogger _logger;
    private readonly CallTimeoutsPool _timeouts;
    // One typed pipeline per response type: a pipeline built for object would bridge every call's outcome
    // to Outcome<object> and back, allocating two more async state machines per call that goes to the network.
    private readonly ConcurrentDictionary<Type, object> _pipelines = new();

    public RpcInvoker(ClientSettings settings, Func<HttpClient> httpClientSource, ILogger logger)
    {
        _settings = settings;
        _httpClientSource = httpClientSource;
        _logger = logger;
        _timeouts = new CallTimeoutsPool(settings);

        // Built now so that the retry options are checked when the client is created, as before.
        PipelineFor<DisableActivationResponse>();
    }

    /// <summary>Sends <paramref name="call"/> and returns its parsed response, or throws a typed exception.</summary>
    /// <param name="call">The action, region and business parameters.</param>
    /// <param name="typeInfo">The source-generated reader of the response body.</param>
    /// <param name="findProblem">Returns what is missing from a parsed body, or null when it is complete.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public async Task<T> InvokeAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(RpcCall call, JsonTypeInfo<T> typeInfo, Func<T, string?> findProblem, CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        using Activity? activity = EcsActivationDiagnostics.ActivitySource.StartActivity(call.Action, ActivityKind.Client);
        activity?.SetTag("rpc.system", "alibaba_cloud");
        activity?.SetTag("rpc.method", call.Action);
        activity?.SetTag("cloud.region", call.RegionId);
        activity?.SetTag("server.address", call.Endpoint.Host);

        // The pipeline sees only the caller's token: the deadlines cancel attempts, never the retry loop.
        CallTimeouts timeouts = _timeouts.Rent(cancellationToken);
        call.Timeouts = timeouts;
        call.CallerToken = cancellationToken;
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            // Outcomes rather than exceptions through the pipeline: ExecuteAsync would wrap the attempt and
            // the result in two more async state machines per call.
            Outcome<T> outcome = await PipelineFor<T>().ExecuteOutcomeAsync(
                static (_, state) => state.Invoker.AttemptAsync(state.Call, state.TypeInfo, state.FindProblem),
                context,
                (Invoker: this, Call: call, TypeInfo: typeInfo, FindProblem: findProblem)).ConfigureAwait(false);
            outcome.ThrowIfException(); // with its original stack trace, into the translation below
            activity?.SetTag("ecs.attempts", call.Attempts);
            return outcome.Result!;
        }
        catch (Exception e)
        {
            activity?.SetTag("ecs.attempts", call.Attempts);
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag("error.type", (e as EcsServiceException)?.ErrorCode ?? e.GetType().Name);
            if (cancellationToken.IsCancellationRequested && e is OperationCanceledException)
            {
                // The caller's cancellation stays a cancellation, never a timeout, and names the caller's token.
                throw new OperationCanceledException(e.Message, e, cancellationToken);
            }

            EcsException translated = Translate(e, call);
            if (call.Attempts > 1)
            {
                translated.AttemptSummary = call.History.Summarize();
            }

            translated.FollowsUnknownOutcome = call.History.EarlierOutcomeUnknown;
            if (ReferenceEquals(translated, e))
            {
                throw; // keep the original stack trace
            }

            throw translated;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            call.Timeouts = null;
            _timeouts.Return(timeouts);
        }
    }

    /// <summary>
    /// Turns what escaped the pipeline into the exception the caller sees (the same instance to rethrow
    /// as is). Whatever the wire or a handler threw, the caller gets an <see cref="EcsException"/>.
    /// </summary>
    private EcsException Translate(Exception e, RpcCall call) =>
        e switch
        {
            EcsException ecs => ecs,
            TimeoutException => new EcsRequestTimeoutException(
                $"{call.Action} timed out: the last attempt exceeded AttemptTimeout ({_settings.AttemptTimeout.TotalSeconds:0.###} s) or the HttpClient's timeout.",
                _settings.AttemptTimeout, call.Attempts, e),
            _ when IsConnectionFailure(e) => new EcsConnectionException(
                $"{call.Action} could not get an answer from {call.Endpoint.Host} in {call.Attempts} attempt(s): {e.Message}", call.Attempts, e),
            _ => new EcsException($"{call.Action} failed unexpectedly ({e.GetType().Name}); see InnerException.", call.Attempts, e),
        };

    /// <summary>The overall Timeout ran out: the call stops here, whatever the retry budget says.</summary>
    private EcsRequestTimeoutException OverallTimeout(RpcCall call, Exception? inner) => new(
        $"{call.Action} did not complete within Timeout ({_settings.Timeout.TotalSeconds:0.###} s) after {call.Attempts} attempt(s).",
        _settings.Timeout, call.Attempts, inner);

    private async ValueTask<Outcome<T>> AttemptAsync<T>(RpcCall call, JsonTypeInfo<T> typeInfo, Func<T, string?> findProblem)
        where T : class
    {
        CallTimeouts timeouts = call.Timeouts!;
        if (!timeouts.TryStartAttempt(out CancellationToken cancellationToken))
        {
            return Outcome.FromException<T>(OverallTimeout(call, inner: null)); // sends nothing
        }

        int attempt = ++call.Attempts;
        long started = _settings.TimeProvider.GetTimestamp();
        bool sent = false;
        try
        {
            AlibabaCloudCredentials credentials = await _settings.CredentialsProvider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            SignedRequest signed = RpcSigner.Sign(HttpMethodName, call.Parameters, StampCommonParameters(call, credentials), credentials.AccessKeySecret, call.Endpoint.AbsoluteUri);

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(signed.Url));
            request.Headers.TryAddWithoutValidation("User-Agent", _settings.UserAgent);
            request.Headers.TryAddWithoutValidation("x-acs-action", call.Action);
            request.Headers.TryAddWithoutValidation("x-acs-version", ApiVersion);
            if (attempt > 1)
            {
                request.Headers.TryAddWithoutValidation("x-acs-retry-attempts", (attempt - 1).ToString(CultureInfo.InvariantCulture));
            }

            HttpClient httpClient = _httpClientSource();
            sent = true;
            HttpResponseMessage response;
            try
            {
                response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                // Not our token: the HttpClient's own Timeout fired. Treat it like an attempt timeout.
                throw new TimeoutException("The HttpClient's Timeout elapsed.", e);
            }

            using (response)
            {
                T result = await ReadResponseAsync(call, attempt, started, response, signed, typeInfo, findProblem, cancellationToken).ConfigureAwait(false);
                return Outcome.FromResult(result);
            }
        }
        catch (Exception caught)
        {
            Exception e = Classify(caught, call, timeouts, sent);
            if (e is not EcsServiceException)
            {
                Log.AttemptFailed(_logger, call.Action, call.RegionId, attempt, e.GetType().Name, ElapsedMs(started));
            }

            return Outcome.FromException<T>(e);
        }
    }

    /// <summary>
    /// Names what one failed attempt met, records it in the call's history (with whether the service
    /// may have acted on it), and returns the exception the retry strategy decides on.
    /// </summary>
    private Exception Classify(Exception caught, RpcCall call, CallTimeouts timeouts, bool sent)
    {
        Exception e = caught;
        if (caught is OperationCanceledException && !call.CallerToken.IsCancellationRequested)
        {
            e = timeouts.AttemptCancelledByDeadline
                ? timeouts.OverallDeadlineReached
                    ? OverallTimeout(call, caught)
                    : new TimeoutException("The attempt exceeded AttemptTimeout.", caught)
                : new IOException("The HTTP pipeline was cancelled by something other than this call.", caught);
        }

        (string label, bool unknown) = e switch
        {
            EcsInvalidResponseException => (EcsErrorCodes.InvalidResponse, true),
            EcsServiceException service => (service.ErrorCode ?? $"HTTP {service.StatusCode.ToString(CultureInfo.InvariantCulture)}", service.ErrorCode is null && service.StatusCode >= 500),
            EcsRequestTimeoutException => ("Timeout", sent),
            EcsException => (e.GetType().Name, false),
            TimeoutException => ("AttemptTimeout", true),
            OperationCanceledException => ("Cancelled", sent),
            _ when IsConnectionFailure(e) => ("ConnectionFailed", sent && !NeverConnected(e)),
            _ => (e.GetType().Name, sent),
        };
        call.History.RecordFailure(label, unknown);
        return e;
    }

    private static bool IsConnectionFailure(Exception e) => e is HttpRequestException or IOException or System.Net.Sockets.SocketException;

    /// <summary>True when the connection was never established, so the request cannot have reached the service.</summary>
    private static bool NeverConnected(Exception e)
    {
#if NET8_0_OR_GREATER
        if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
        {
            return true;
        }
#endif
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NetworkUnreachable or System.Net.Sockets.SocketError.HostUnreachable })
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask<T> ReadResponseAsync<T>(
        RpcCall call, int attempt, long started, HttpResponseMessage response, SignedRequest signed,
        JsonTypeInfo<T> typeInfo, Func<T, string?> findProblem, CancellationToken cancellationToken)
        where T : class
    {
        int status = (int)response.StatusCode;
        string? headerRequestId = Header(response, "x-acs-request-id");
        if (response.IsSuccessStatusCode)
        {
            T result;
            using (ResponseBody body = await ResponseReader.ReadAsync(response.Content, ResponseReader.MaxSuccessBodyBytes, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    result = Parse(body, typeInfo, findProblem, status, headerRequestId, attempt);
                }
                catch (EcsInvalidResponseException e)
                {
                    Log.AttemptCompleted(_logger, call.Action, call.RegionId, attempt, status, e.ErrorCode ?? "-", headerRequestId ?? "-", ElapsedMs(started));
                    throw;
                }
            }

            Log.AttemptCompleted(_logger, call.Action, call.RegionId, attempt, status, "-", headerRequestId ?? "-", ElapsedMs(started));
            return result;
        }

        string errorText;
        using (ResponseBody errorBody = await ResponseReader.ReadAsync(response.Content, ResponseReader.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false))
        {
            errorText = errorBody.Truncated
                ? $"(the error body exceeded {ResponseReader.MaxErrorBodyBytes} bytes and was not read)"
                : errorBody.DecodeText();
        }

        ErrorBody error = ErrorBodyParser.Parse(status, errorText, headerRequestId);
        Log.AttemptCompleted(_logger, call.Action, call.RegionId, attempt, status, error.Error.Code ?? "-", error.Error.RequestId ?? "-", ElapsedMs(started));
        throw EcsExceptionFactory.Create(error, attempt, signed.StringToSign, RetryAfter(response));
    }

    private static T Parse<T>(in ResponseBody body, JsonTypeInfo<T> typeInfo, Func<T, string?> findProblem, int status, string? headerRequestId, int attempt)
        where T : class
    {
        string? problem = null;
        Exception? inner = null;
        T? result = null;
        if (body.Truncated)
        {
            problem = $"The response body exceeded {ResponseReader.MaxSuccessBodyBytes} bytes.";
        }
        else if (body.Length == 0)
        {
            problem = "The response body is empty.";
        }
        else
        {
            try
            {
                result = JsonSerializer.Deserialize(body.Span, typeInfo);
                problem = result is null ? "The response body is JSON null." : findProblem(result);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or FormatException or OverflowException or ArgumentException)
            {
                // The reader's message may quote the body; only where it failed goes into ours.
                inner = e;
                problem = e is JsonException { Path: { } path }
                    ? $"The response body is not the documented JSON (at {path})."
                    : "The response body is not the documented JSON.";
            }
        }

        if (problem is not null)
        {
            var error = new EcsError(status, EcsErrorCodes.InvalidResponse, problem, headerRequestId);
            throw new EcsInvalidResponseException(error, attempt, inner);
        }

        return result!;
    }

    /// <summary>This attempt's common parameters: a fresh Timestamp and SignatureNonce, and the credentials' key.</summary>
    private CommonParameters StampCommonParameters(RpcCall call, AlibabaCloudCredentials credentials) => new(
        call.Action,
        ApiVersion,
        TimestampFormatter.Format(_settings.TimeProvider.GetUtcNow().UtcDateTime),
        _settings.NonceSource(),
        credentials.AccessKeyId,
        credentials.SecurityToken);

    private ResiliencePipeline<T> PipelineFor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>() =>
        (ResiliencePipeline<T>)(_pipelines.TryGetValue(typeof(T), out object? pipeline) ? pipeline : _pipelines.GetOrAdd(typeof(T), BuildPipeline<T>()));

    // Polly's typed retry asks the trimmer to keep the response type's members (it validates options by reflection).
    private ResiliencePipeline<T> BuildPipeline<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>()
    {
        var builder = new ResiliencePipelineBuilder<T> { TimeProvider = _settings.TimeProvider };

        if (_settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<T>
            {
                MaxRetryAttempts = _settings.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(DelayFor(args.Context, args.AttemptNumber, args.Outcome.Exception)),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(CallKey, out RpcCall? call))
                    {
                        Log.Retrying(_logger, call.Action, call.RegionId, (long)args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, _settings.MaxRetries);
                    }

                    return default;
                },
            });
        }

        return builder.Build();
    }

    private bool ShouldRetry(Exception? exception) => exception switch
    {
        ThrottlingException => _settings.RetryThrottling,
        // A success status with an unreadable or self-contradicting body: the outcome is unknown, and
        // every action here is safe to repeat (Create through its ClientToken, Delete through DeletedByEarlierAttempt).
        EcsInvalidResponseException => true,
        EcsServiceException { ErrorCode: null } => true, // no error document: nothing says the service did not act
        EcsServiceException service => service.IsTransient,
        EcsException => false, // credentials: retrying cannot help
        TimeoutException => true, // an attempt timeout; the overall one arrives as EcsRequestTimeoutException
        HttpRequestException or IOException => true,
        _ => false, // caller cancellation, overall timeout, bugs
    };

    /// <summary>The backoff before the next attempt, never past the overall deadline.</summary>
    private TimeSpan DelayFor(ResilienceContext context, int retryIndex, Exception? exception)
    {
        var throttling = exception as ThrottlingException;
        TimeSpan delay = BackoffCalculator.Compute(retryIndex, _settings.RetryBaseDelay, _settings.RetryMaxDelay, throttling is not null, throttling?.RetryAfter, RetryJitter.Next());
        return context.Properties.TryGetValue(CallKey, out RpcCall? call) && call.Timeouts is { } timeouts ? timeouts.CapDelay(delay) : delay;
    }

    private long ElapsedMs(long started) => (long)_settings.TimeProvider.GetElapsedTime(started).TotalMilliseconds;

    private static string? Header(HttpResponseMessage response, string name)
    {
#if NET8_0_OR_GREATER
        // Without validation and without enumerating: no allocation when the header is absent or single.
        if (response.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
        {
            foreach (string value in values)
            {
                return value;
            }
        }
#else
        if (response.Headers.TryGetValues(name, out var values))
        {
            foreach (string value in values)
            {
                return value;
            }
        }
#endif
        return null;
    }

    /// <summary>
    /// The server's hint: <c>x-acs-retry-after</c> (milliseconds), else a standard <c>Retry-After</c>
    /// (seconds or a date). Negative, malformed or absurd (over a day) values are ignored; the backoff
    /// caps what is left at <c>RetryMaxDelay</c> and at the time remaining before the overall Timeout.
    /// </summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        double? millis = null;
        if (Header(response, "x-acs-retry-after") is { } text)
        {
            millis = double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) ? value : null;
        }
        else if (Header(response, "Retry-After") is { } standard)
        {
            millis = RetryAfterHeader.ToMilliseconds(standard, _settings.TimeProvider.GetUtcNow());
        }

        return millis is { } ms && ms >= 0 && ms <= LongestRetryAfter.TotalMilliseconds ? TimeSpan.FromMilliseconds(ms) : null;
    }
}
