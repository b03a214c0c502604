using System;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// One scripted misbehaviour of the emulator, queued with <see cref="FaultInjector.Enqueue"/>. A fault
/// is applied after the request has been authenticated (so a retry still needs a fresh nonce and a
/// valid signature) and before the action runs, so an error fault leaves the state unchanged.
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

    /// <summary>How long a <see cref="EcsFaultKind.Delay"/> waits (emulator clock).</summary>
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

    /// <summary>Closes the connection without an answer.</summary>
    public static EcsFault DropConnection() => new(EcsFaultKind.DropConnection);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        EcsFaultKind.Error => $"Error {StatusCode} {ErrorCode}",
        EcsFaultKind.RawResponse => $"RawResponse {StatusCode} {ContentType}",
        EcsFaultKind.Delay => $"Delay {DelayTime}",
        _ => Kind.ToString(),
    };
}
