using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Diagnostics;
using AlibabaEcsActivation.FlowControl;
using AlibabaEcsActivation.Signing;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// Runs one API call: attempts under Polly's retry strategy, each under its own <c>AttemptTimeout</c>,
/// all under the call's overall <c>Timeout</c>. Every attempt resolves credentials, stamps a fresh
/// <c>Timestamp</c> and <c>SignatureNonce</c>, signs and sends a new request, because the service
/// rejects a reused nonce and a stale timestamp: a retry handler below the signer (the usual
/// HttpClient policy handler) would resend the same signed message.
/// </summary>
/// <remarks>
/// The two deadlines are token sources on the configured <see cref="TimeProvider"/>, the call's linked to
/// the caller's token and each attempt's to the call's (to the caller's while the call has none), rather than Polly timeout strategies: every
/// strategy in the pipeline is one more asynchronous frame that each call resumes when its response
/// arrives, and the retry strategy is the one whose work (backoff, jitter, when to stop) is worth it.
/// For the same reason the first attempt runs before the pipeline, which only a retry enters: most calls
/// end with their first attempt, whose own deadline already ends by the call's, so they need neither the
/// pipeline nor a timer for the call.
/// </remarks>
internal sealed class RpcInvoker
{
    public const string ApiVersion = "2014-05-26";
    public const string HttpMethodName = "POST";

    private static readonly ResiliencePropertyKey<RpcCall> CallKey = new("AlibabaEcsActivation.Call");

    private readonly ClientSettings _settings;
    private readonly Func<HttpClient> _httpClientSource;
    private readonly ILogger _logger;
    private readonly ClientMetrics _metrics;
    private readonly ResiliencePipeline<object>? _retries;

    public RpcInvoker(ClientSettings settings, Func<HttpClient> httpClientSource, ILogger logger, ClientMetrics metrics)
    {
        _settings = settings;
        _httpClientSource = httpClientSource;
        _logger = logger;
        _metrics = metrics;
        if (settings.MaxRetries > 0)
        {
            _retries = new ResiliencePipelineBuilder<object> { TimeProvider = settings.TimeProvider }.AddRetry(RetryOptions()).Build();
        }
    }

    /// <summary>Polly's exponential backoff with jitter, except for throttling (see <see cref="ThrottlingDelay"/>).</summary>
    private RetryStrategyOptions<object> RetryOptions() => new()
    {
        MaxRetryAttempts = _settings.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = Deadlines.AtMostADay(_settings.RetryBaseDelay),
        MaxDelay = Deadlines.AtMostADay(_settings.RetryMaxDelay),
        ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception)),
        DelayGenerator = args => new ValueTask<TimeSpan?>(ThrottlingDelay(
            args.AttemptNumber, args.Outcome.Exception as ThrottlingException, paced: args.Context.Properties.GetValue(CallKey, null!).FlowControl is not null)),
        OnRetry = args =>
        {
            RpcCall call = args.Context.Properties.GetValue(CallKey, null!);
            Exception failure = args.Outcome.Exception!; // only failures are retried
            Log.Retrying(_logger, call.Action, call.RegionId, call.Attempts, RpcConventions.ErrorTypeOf(failure), call.LastStatusCode, call.LastRequestId ?? "-",
                (long)args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1, _settings.MaxRetries);
            _metrics.Retrying(call, failure);
            return default;
        },
    };

    /// <summary>
    /// The attempt's timeout: <c>AttemptTimeout</c>, or the time left before the call's <c>Timeout</c> when
    /// that is shorter, and then the attempt's deadline is the call's. Zero when the clock reads past
    /// that deadline before its timer has fired.
    /// </summary>
    private TimeSpan AttemptTimeout(RpcCall call)
    {
        TimeSpan remaining = _settings.Timeout - _settings.TimeProvider.GetElapsedTime(call.Started);
        call.AttemptEndsAtDeadline = remaining <= _settings.AttemptTimeout;
        TimeSpan due = call.AttemptEndsAtDeadline ? TimeSpan.FromTicks(Math.Max(remaining.Ticks, 0)) : _settings.AttemptTimeout;
        return Deadlines.Timer(due);
    }

    /// <summary>Sends <paramref name="call"/> and returns its parsed response, or throws a typed exception.</summary>
    public async Task<T> InvokeAsync<T>(RpcCall call, ResponseContract<T> contract, CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        using Activity? activity = CallActivity.Start(call);
        call.Started = _settings.TimeProvider.GetTimestamp();
        call.CallerToken = cancellationToken;
        try
        {
            Outcome<object> outcome = await AttemptAsync(call, contract).ConfigureAwait(false);
            if (_retries is not null && outcome.Exception is { } failed && ShouldRetry(failed))
            {
                outcome = await RetryAsync(_retries, call, contract, outcome).ConfigureAwait(false);
            }

            outcome.ThrowIfException();
            return CallSucceeded(call, activity, (T)outcome.Result!);
        }
        catch (Exception e)
        {
            Exception failure = Failure(e, call);
            if (failure is EcsException ecs && contract.Recover(ecs) is { } recovered)
            {
                return CallSucceeded(call, activity, recovered);
            }

            CallFailed(call, activity, failure);
            if (ReferenceEquals(failure, e))
            {
                throw; // with its original stack trace
            }

            throw failure;
        }
        finally
        {
            call.Deadline?.Dispose();
        }
    }

    /// <summary>
    /// The retries, under Polly's retry strategy and the call's deadline. The pipeline's first execution
    /// hands back the first attempt's outcome, so the strategy decides about it, and backs off from it,
    /// exactly as if it had made that attempt itself.
    /// </summary>
    private async ValueTask<Outcome<object>> RetryAsync<T>(ResiliencePipeline<object> retries, RpcCall call, ResponseContract<T> contract, Outcome<object> first)
        where T : class
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(CallDeadline(call));
        context.Properties.Set(CallKey, call);
        try
        {
            var attempts = new RetriedAttempts<T>(this, call, contract, first);
            return await retries.ExecuteOutcomeAsync(static (_, attempts) => attempts.NextAsync(), context, attempts).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>What the retry pipeline executes: the outcome of the attempt already made, then a new attempt each time.</summary>
    private sealed class RetriedAttempts<T>(RpcInvoker invoker, RpcCall call, ResponseContract<T> contract, Outcome<object> first)
        where T : class
    {
        private bool _firstTaken;

        public ValueTask<Outcome<object>> NextAsync()
        {
            if (_firstTaken)
            {
                return invoker.AttemptAsync(call, contract);
            }

            _firstTaken = true;
            return new ValueTask<Outcome<object>>(first);
        }
    }

    /// <summary>
    /// The call's Timeout, backoffs included, as a token that the caller's cancellation also cancels. It is
    /// created on first need (a bulk run's turn to wait for, a retry): until then the attempt's own
    /// deadline, which ends by the call's, is the only timer the call needs.
    /// </summary>
    private CancellationToken CallDeadline(RpcCall call)
    {
        if (call.Deadline is null)
        {
            TimeSpan remaining = _settings.Timeout - _settings.TimeProvider.GetElapsedTime(call.Started);
            call.Deadline = new LinkedDeadline(_settings.TimeProvider, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, call.CallerToken);
        }

        return call.DeadlineToken;
    }

    /// <summary>One attempt: credentials, a fresh stamp and signature, the request, the classified outcome.</summary>
    private async ValueTask<Outcome<object>> AttemptAsync<T>(RpcCall call, ResponseContract<T> contract)
        where T : class
    {
        FlowTurn turn = default;
        if (call.FlowControl is { } flow)
        {
            try
            {
                // In a bulk run every attempt, retries included, waits for the run's pace; the wait is not an attempt.
                turn = await flow.WaitTurnAsync(CallDeadline(call)).ConfigureAwait(false);
            }
            catch (OperationCanceledException e)
            {
                return Outcome.FromException<object>(e);
            }
        }

        TimeSpan timeout = AttemptTimeout(call);
        if (timeout == TimeSpan.Zero)
        {
            // The clock has passed the call's deadline before its timer fired: no attempt is made.
            return Outcome.FromException<object>(OverallTimeout(call, inner: null));
        }

        int attempt = ++call.Attempts;
        long started = _settings.TimeProvider.GetTimestamp();
        using var deadline = new LinkedDeadline(_settings.TimeProvider, timeout, call.DeadlineToken);
        CancellationToken attemptToken = deadline.Token;
        bool sent = false;
        try
        {
            AlibabaCloudCredentials credentials = await _settings.CredentialsProvider.GetCredentialsAsync(attemptToken).ConfigureAwait(false);
            SignedRequest signed = Sign(call, credentials, attempt);
            using HttpRequestMessage request = CreateRequest(call, signed, attempt);
            sent = true;
            HttpResponseMessage response;
            try
            {
                response = await _httpClientSource().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!attemptToken.IsCancellationRequested)
            {
                // Not our token: the HttpClient's own Timeout fired. It counts as an attempt timeout.
                throw new TimeoutException("The HttpClient's Timeout elapsed.", e);
            }

            using (response)
            {
                call.LastStatusCode = (int)response.StatusCode;
                call.LastRequestId = ResponseInterpreter.RequestId(response);
                T result = await ResponseInterpreter.ReadAsync(response, contract, attempt, signed, _settings.TimeProvider, attemptToken).ConfigureAwait(false);
                call.FlowControl?.Answered(turn, throttled: false);
                Log.AttemptSucceeded(_logger, call.Action, call.RegionId, attempt, call.LastStatusCode, call.LastRequestId ?? "-", ElapsedMs(started));
                return Outcome.FromResult<object>(result);
            }
        }
        catch (Exception caught)
        {
            // Logged where the retry strategy decides: as a retry, or as the failure that ends the call.
            Exception e = Classify(caught, call, sent, attemptToken);
            (call.LastStatusCode, call.LastRequestId) = e is EcsServiceException answered ? (answered.StatusCode, answered.RequestId) : (0, null);
            if (e is EcsServiceException)
            {
                call.ThrottledAttempts += e is ThrottlingException ? 1 : 0;
                call.FlowControl?.Answered(turn, throttled: e is ThrottlingException);
            }

            return Outcome.FromException<object>(e);
        }
    }

    /// <summary>
    /// Stamps this attempt's common values (a fresh Timestamp and SignatureNonce, the credentials' key) and
    /// signs: as RPC v1 query parameters, or as signature V3 headers (the Timestamp is the <c>x-acs-date</c>).
    /// </summary>
    private SignedRequest Sign(RpcCall call, AlibabaCloudCredentials credentials, int attempt)
    {
        var common = new CommonParameters(
            call.Action,
            ApiVersion,
            RpcTimestamp.Format(_settings.TimeProvider.GetUtcNow()),
            _settings.NonceSource(),
            credentials.AccessKeyId,
            credentials.SecurityToken);
        return _settings.SignsWithAcs3
            ? Acs3Signer.Sign(HttpMethodName, call.Parameters, common, credentials.AccessKeySecret, call.Endpoint.Authority, call.Endpoint.AbsoluteUri, RetryAttempts(attempt))
            : RpcSigner.Sign(HttpMethodName, call.Parameters, common, credentials.AccessKeySecret, call.Endpoint.AbsoluteUri);
    }

    private HttpRequestMessage CreateRequest(RpcCall call, SignedRequest signed, int attempt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(signed.Url));
        request.Headers.TryAddWithoutValidation("User-Agent", _settings.UserAgent);
        if (signed.Headers is { } signedHeaders)
        {
            // Signature V3: the headers exactly as signed (host, x-acs-*), and the Authorization.
            foreach (var header in signedHeaders)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return request;
        }

        request.Headers.TryAddWithoutValidation("x-acs-action", call.Action);
        request.Headers.TryAddWithoutValidation("x-acs-version", ApiVersion);
        if (RetryAttempts(attempt) is { } retries)
        {
            request.Headers.TryAddWithoutValidation("x-acs-retry-attempts", retries);
        }

        return request;
    }

    /// <summary>The <c>x-acs-retry-attempts</c> header of a retry: how many attempts came before it. Null on the first.</summary>
    private static string? RetryAttempts(int attempt) => attempt > 1 ? (attempt - 1).ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Names what one failed attempt met, records it in the call's history (with whether the service
    /// may have acted on it), and returns the exception the retry strategy decides on.
    /// </summary>
    private Exception Classify(Exception caught, RpcCall call, bool sent, CancellationToken attemptToken)
    {
        Exception e = caught;
        if (caught is OperationCanceledException && !call.CallerToken.IsCancellationRequested)
        {
            e = call.DeadlineToken.IsCancellationRequested || (attemptToken.IsCancellationRequested && call.AttemptEndsAtDeadline) ? OverallTimeout(call, caught)
                : attemptToken.IsCancellationRequested ? new TimeoutException("The attempt exceeded AttemptTimeout.", caught)
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
            _ when ConnectionFailures.IsConnectionFailure(e) => ("ConnectionFailed", sent && !ConnectionFailures.NeverConnected(e)),
            _ => (e.GetType().Name, sent),
        };
        call.History.RecordFailure(label, unknown);
        return e;
    }

    private bool ShouldRetry(Exception? exception) => exception switch
    {
        ThrottlingException => _settings.RetryThrottling,
        // A success status with an unreadable or self-contradicting body: the outcome is unknown, and
        // every action here is safe to repeat (Create through its ClientToken, Delete through DeletedByEarlierAttempt).
        EcsInvalidResponseException => true,
        EcsServiceException { ErrorCode: null } => true, // no error document: nothing says the service did not act
        EcsServiceException service => service.IsTransient,
        EcsException => false, // credentials, the overall timeout: retrying cannot help
        TimeoutException => true, // an attempt timeout
        HttpRequestException or IOException => true,
        _ => false, // caller cancellation, bugs
    };

    /// <summary>
    /// Throttling backs off from a five times longer base than Polly's own backoff, with jitter, or as
    /// long as the service asks if that is longer; never past <c>RetryMaxDelay</c>. In a bulk run
    /// (<paramref name="paced"/>) the run's pace, which throttling slows, spaces the retry instead, and
    /// only the service's own hint adds to it. Null for any other failure, which leaves the delay to Polly.
    /// </summary>
    private TimeSpan? ThrottlingDelay(int retry, ThrottlingException? throttling, bool paced)
    {
        if (throttling is null)
        {
            return null;
        }

        if (paced)
        {
            return Deadlines.AtMostADay(TimeSpan.FromMilliseconds(Math.Min(throttling.RetryAfter?.TotalMilliseconds ?? 0, _settings.RetryMaxDelay.TotalMilliseconds)));
        }

        double cap = _settings.RetryMaxDelay.TotalMilliseconds;
        double nominal = Math.Min(cap, _settings.RetryBaseDelay.TotalMilliseconds * ThrottlingFactor * Math.Pow(2, Math.Min(retry, 30)));
        double backoff = nominal * (0.5 + (0.5 * Jitter()));
        double wanted = Math.Max(backoff, throttling.RetryAfter?.TotalMilliseconds ?? 0);
        return Deadlines.AtMostADay(TimeSpan.FromMilliseconds(Math.Min(wanted, cap)));
    }

    /// <summary>How much longer the throttling backoff's base is than <c>RetryBaseDelay</c>.</summary>
    internal const int ThrottlingFactor = 5;

#if NET8_0_OR_GREATER
    private static double Jitter() => Random.Shared.NextDouble();
#else
    private static double Jitter() => new Random(Guid.NewGuid().GetHashCode()).NextDouble();
#endif

    /// <summary>
    /// Turns what escaped the retry strategy into what the caller sees: the caller's own cancellation,
    /// or an <see cref="EcsException"/> whatever the wire or a handler threw, with the attempts it took.
    /// </summary>
    private Exception Failure(Exception e, RpcCall call)
    {
        if (call.CallerToken.IsCancellationRequested && e is OperationCanceledException)
        {
            // The caller's cancellation stays a cancellation, never a timeout, and names the caller's token.
            return new OperationCanceledException(e.Message, e, call.CallerToken);
        }

        EcsException failure = e switch
        {
            EcsException ecs => ecs,
            // The call's deadline ran out during a backoff: nothing more was sent.
            OperationCanceledException when call.DeadlineToken.IsCancellationRequested => OverallTimeout(call, inner: null),
            TimeoutException => new EcsRequestTimeoutException(
                $"{call.Action} timed out: the last attempt exceeded AttemptTimeout ({_settings.AttemptTimeout.TotalSeconds:0.###} s) or the HttpClient's timeout.",
                _settings.AttemptTimeout, call.Attempts, e),
            _ when ConnectionFailures.IsConnectionFailure(e) => new EcsConnectionException(
                $"{call.Action} could not get an answer from {call.Endpoint.Host} in {call.Attempts} attempt(s): {e.Message}", call.Attempts, e),
            _ => new EcsException($"{call.Action} failed unexpectedly ({e.GetType().Name}); see InnerException.", call.Attempts, e),
        };
        if (call.Attempts > 1)
        {
            failure.AttemptSummary = call.History.Summarize();
        }

        failure.FollowsUnknownOutcome = call.History.EarlierOutcomeUnknown;
        return failure;
    }

    /// <summary>The overall Timeout ran out: the call stops here, whatever the retry budget says.</summary>
    private EcsRequestTimeoutException OverallTimeout(RpcCall call, Exception? inner) => new(
        $"{call.Action} did not complete within Timeout ({_settings.Timeout.TotalSeconds:0.###} s) after {call.Attempts} attempt(s).",
        _settings.Timeout, call.Attempts, inner);

    /// <summary>Stamps the result with the call's metadata, and ends the call's span and duration.</summary>
    private T CallSucceeded<T>(RpcCall call, Activity? activity, T result)
        where T : class
    {
        call.Elapsed = _settings.TimeProvider.GetElapsedTime(call.Started);
        if (result is IEcsResponse response)
        {
            response.SetResponseMetadata(call.Metadata(response.RequestId));
        }

        CallActivity.Succeeded(activity, call);
        _metrics.CallEnded(call, failure: null);
        return result;
    }

    /// <summary>The failed call's span, duration and log line: a Warning, or Debug for the caller's own cancellation.</summary>
    private void CallFailed(RpcCall call, Activity? activity, Exception failure)
    {
        call.Elapsed = _settings.TimeProvider.GetElapsedTime(call.Started);
        CallActivity.Failed(activity, call, failure);
        _metrics.CallEnded(call, failure);
        if (failure is OperationCanceledException)
        {
            Log.CallCancelled(_logger, call.Action, call.RegionId, call.Attempts);
        }
        else
        {
            var service = failure as EcsServiceException;
            Log.CallFailed(_logger, call.Action, call.RegionId, call.Attempts, (long)call.Elapsed.TotalMilliseconds, RpcConventions.ErrorTypeOf(failure),
                service?.StatusCode ?? 0, service?.RequestId ?? "-");
        }
    }

    private long ElapsedMs(long started) => (long)_settings.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
}
