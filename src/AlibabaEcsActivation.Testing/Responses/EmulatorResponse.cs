using System;
using System.Text;

namespace AlibabaEcsActivation.Testing.Responses;

/// <summary>What either host must send back: an HTTP answer, or a dropped connection.</summary>
internal sealed class EmulatorResponse
{
    private EmulatorResponse(int statusCode, string contentType, byte[] body, string? requestId, long? retryAfterMs, string? dropReason)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        RequestId = requestId;
        RetryAfterMs = retryAfterMs;
        DropReason = dropReason;
    }

    public int StatusCode { get; }
    public string ContentType { get; }

    /// <summary>Exactly the bytes to send; the Content-Length is its length.</summary>
    public byte[] Body { get; }

    /// <summary>Sent as <c>x-acs-request-id</c>.</summary>
    public string? RequestId { get; }

    /// <summary>Sent as <c>x-acs-retry-after</c> (milliseconds).</summary>
    public long? RetryAfterMs { get; }

    /// <summary>True: close the connection without an answer.</summary>
    public bool DropsConnection => DropReason is not null;

    /// <summary>Why the connection is dropped, for the in-process handler's exception; null when answering.</summary>
    public string? DropReason { get; }

    /// <summary>EcsFault.DropConnection: nothing was done.</summary>
    public static EmulatorResponse Dropped { get; } =
        new(0, string.Empty, [], null, null, "The ECS emulator dropped the connection (EcsFault.DropConnection).");

    /// <summary>EcsFault.ActThenReset: the action ran, its answer is lost.</summary>
    public static EmulatorResponse DroppedAfterAction { get; } =
        new(0, string.Empty, [], null, null, "The ECS emulator dropped the connection after the action ran (EcsFault.ActThenReset).");

    public static EmulatorResponse Create(int statusCode, string contentType, string body, string? requestId, long? retryAfterMs = null) =>
        new(statusCode, contentType, Encoding.UTF8.GetBytes(body), requestId, retryAfterMs, dropReason: null);

    /// <summary>The same answer with only the first half of the body (so the length sent matches the bytes sent).</summary>
    public EmulatorResponse Truncated() =>
        new(StatusCode, ContentType, Body.AsSpan(0, Body.Length / 2).ToArray(), RequestId, RetryAfterMs, dropReason: null);
}
