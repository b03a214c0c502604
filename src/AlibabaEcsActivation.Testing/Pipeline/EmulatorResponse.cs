using System.Text;

namespace AlibabaEcsActivation.Testing.Pipeline;

/// <summary>What either front door must send back: an HTTP answer, or a dropped connection.</summary>
internal sealed class EmulatorResponse
{
    private EmulatorResponse(int statusCode, string contentType, byte[] body, string? requestId, long? retryAfterMs, bool drop)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        RequestId = requestId;
        RetryAfterMs = retryAfterMs;
        Drop = drop;
    }

    public int StatusCode { get; }
    public string ContentType { get; }
    public byte[] Body { get; }

    /// <summary>Sent as <c>x-acs-request-id</c>.</summary>
    public string? RequestId { get; }

    /// <summary>Sent as <c>x-acs-retry-after</c> (milliseconds).</summary>
    public long? RetryAfterMs { get; }

    /// <summary>True: close the connection without an answer.</summary>
    public bool Drop { get; }

    public static EmulatorResponse Dropped { get; } = new(0, string.Empty, [], null, null, drop: true);

    public static EmulatorResponse Create(int statusCode, string contentType, string body, string? requestId, long? retryAfterMs = null) =>
        new(statusCode, contentType, Encoding.UTF8.GetBytes(body), requestId, retryAfterMs, drop: false);
}
