using System;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// One scripted misbehaviour of the emulator, queued with <see cref="FaultInjector.Enqueue"/> (or drawn
/// from <see cref="FaultInjector.SetMix"/>). A fault is applied after the request has been authenticated
/// (so a retry still needs a fresh nonce and a valid signature). Most faults replace the action, so an
/// error fault leaves the state unchanged; the <c>Act…</c> faults (<see cref="ActThenReset"/>,
/// <see cref="ActThenTruncate"/>, <see cref="ActLate"/>) let the action run and spoil only what the
/// client learns of it, the case where a client must not assume that a failed call did nothing.
/// </summary>
public sealed class EcsFault
{
    private EcsFault(EcsFaultKind kind, int statusCode = 0, string? errorCode = null, string? message = null, string? contentType = null, TimeSpan delay = default, TimeSpan? retryAfter = null)
    {
        Kind = kind;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Message = message;
        ContentType = contentType;
        DelayTime = delay;
        RetryAfter = retryAfter;
    }

    /// <summary>What the fault does.</summary>
    public EcsFaultKind Kind { get; }

    /// <summary>The HTTP status of an <see cref="EcsFaultKind.Error"/> or <see cref="EcsFaultKind.RawResponse"/>; 0 otherwise.</summary>
    public int StatusCode { get; }

    /// <summary>The error code of an <see cref="EcsFaultKind.Error"/>, e.g. <c>InternalError.Dispatch</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The error message of an <see cref="EcsFaultKind.Error"/>, or the body of a <see cref="EcsFaultKind.RawResponse"/>.</summary>
    public string? Message { get; }

    /// <summary>The Content-Type of a <see cref="EcsFaultKind.RawResponse"/>.</summary>
    public string? ContentType { get; }

    /// <summary>How long a <see cref="EcsFaultKind.Delay"/> waits, or an <see cref="EcsFaultKind.ActLate"/> waits before acting (emulator clock).</summary>
    public TimeSpan DelayTime { get; }

    /// <summary>An <c>x-acs-retry-after</c> hint (whole milliseconds) sent with an error; null sends none.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>HTTP 500 <c>InternalError.Dispatch</c>, "An error occurred when you dispatched the request." (documented; transient).</summary>
    public static EcsFault InternalErrorDispatch { get; } =
        Error(500, "InternalError.Dispatch", "An error occurred when you dispatched the request.");

    /// <summary>HTTP 403 <c>Operation.Forbidden</c>, "The operation is not permitted." (documented).</summary>
    public static EcsFault OperationForbidden { get; } =
        Error(403, "Operation.Forbidden", "The operation is not permitted.");

    /// <summary>HTTP 503 <c>ServiceUnavailable</c> as a JSON/XML error body.</summary>
    public static EcsFault ServiceUnavailable { get; } =
        Error(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");

    /// <summary>A documented-style error body with the given status, code and message, in the format the request asked for.</summary>
    /// <param name="statusCode">400 to 599.</param>
    /// <param name="errorCode">e.g. <c>Operation.Forbidden</c>.</param>
    /// <param name="message">The service's message.</param>
    /// <param name="retryAfter">An optional <c>x-acs-retry-after</c> hint.</param>
    public static EcsFault Error(int statusCode, string errorCode, string message, TimeSpan? retryAfter = null)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An error status is 400 to 599.");
        }

        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        ArgumentNullException.ThrowIfNull(message);
        return new EcsFault(EcsFaultKind.Error, statusCode, errorCode, message, retryAfter: retryAfter);
    }

    /// <summary>HTTP 400 throttling, as the gateway sends it: "Request was denied due to user flow control."</summary>
    /// <param name="errorCode">A code containing <c>Throttling</c>, e.g. <c>Throttling.User</c> (default) or <c>Throttling.Api</c>.</param>
    /// <param name="retryAfter">An optional <c>x-acs-retry-after</c> hint.</param>
    public static EcsFault Throttling(string errorCode = "Throttling.User", TimeSpan? retryAfter = null) =>
        Error(400, errorCode, "Request was denied due to user flow control.", retryAfter);

    /// <summary>HTTP 503 with an HTML page, as a load balancer in front of the API sends it.</summary>
    public static EcsFault Html503() =>
        RawResponse(503, "text/html; charset=utf-8", "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>");

    /// <summary>Answers with exactly this status, Content-Type and body.</summary>
    /// <param name="statusCode">100 to 599.</param>
    /// <param name="contentType">e.g. <c>text/html</c>.</param>
    /// <param name="body">The body, sent as UTF-8.</param>
    public static EcsFault RawResponse(int statusCode, string contentType, string body)
    {
        if (statusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An HTTP status is 100 to 599.");
        }

        ArgumentException.ThrowIfNullOrEmpty(contentType);
        ArgumentNullException.ThrowIfNull(body);
        return new EcsFault(EcsFaultKind.RawResponse, statusCode, message: body, contentType: contentType);
    }

    /// <summary>Waits <paramref name="delay"/> (emulator clock), then processes the request normally.</summary>
    /// <param name="delay">Zero or more; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits until the client gives up.</param>
    public static EcsFault Delay(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero && delay != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay must not be negative.");
        }

        return new EcsFault(EcsFaultKind.Delay, delay: delay);
    }

    /// <summary>Closes the connection without an answer; the action does not run.</summary>
    public static EcsFault DropConnection() => new(EcsFaultKind.DropConnection);

    /// <summary>
    /// Runs the action (the state changes, a ClientToken is spent), then closes the connection without
    /// an answer, whatever the action answered: the Kestrel server aborts the connection, the in-process
    /// handler throws <see cref="System.Net.Http.HttpRequestException"/> with an <see cref="System.IO.IOException"/>
    /// inside, as for <see cref="DropConnection"/>. Recorded as <see cref="RequestOutcome.Dropped"/>
    /// with the action's own answer in <see cref="RecordedRequest.ActionStatusCode"/>.
    /// </summary>
    public static EcsFault ActThenReset() => new(EcsFaultKind.ActThenReset);

    /// <summary>
    /// Runs the action, then sends its success answer (status, headers) with only the first half of the
    /// body and a Content-Length that matches the cut body, so the client reads a complete response that
    /// does not parse. An error answer from the action (e.g. <c>ActivationId.NotFound</c>) is sent whole.
    /// Recorded as <see cref="RequestOutcome.Truncated"/>.
    /// </summary>
    public static EcsFault ActThenTruncate() => new(EcsFaultKind.ActThenTruncate);

    /// <summary>
    /// Accepts the request and runs the action once <paramref name="delay"/> has passed since it arrived
    /// (emulator clock: <see cref="RecordedRequest.ReceivedAt"/> plus the delay), even if
    /// the client has given up by then (its attempt timed out, it cancelled, it closed the connection).
    /// A client still waiting gets the normal answer; otherwise the answer is discarded, and the request
    /// is recorded as <see cref="RequestOutcome.Abandoned"/> with the late action in
    /// <see cref="RecordedRequest.ActionStatusCode"/> once it has run (see <see cref="RequestLog.WaitForSettledAsync"/>).
    /// Unlike <see cref="Delay"/>, which does nothing once its client is gone.
    /// </summary>
    /// <param name="delay">Zero or more, and finite.</param>
    public static EcsFault ActLate(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay must be zero or more, and finite.");
        }

        return new EcsFault(EcsFaultKind.ActLate, delay: delay);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        EcsFaultKind.Error => $"Error {StatusCode} {ErrorCode}",
        EcsFaultKind.RawResponse => $"RawResponse {StatusCode} {ContentType}",
        EcsFaultKind.Delay => $"Delay {DelayTime}",
        EcsFaultKind.ActLate => $"ActLate {DelayTime}",
        _ => Kind.ToString(),
    };
}
