namespace AlibabaEcsActivation;

/// <summary>
/// The error the service returned: the HTTP status and the fields of the documented error body
/// (<c>RequestId</c>, <c>HostId</c>, <c>Code</c>, <c>Message</c>, <c>Recommend</c>).
/// </summary>
public sealed class EcsError
{
    /// <summary>Creates an error description, e.g. to throw a typed exception from a test double.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="code">The service's error code, e.g. <c>ActivationId.NotFound</c>; null when the body had none.</param>
    /// <param name="message">The service's message; null when the body had none.</param>
    /// <param name="requestId">The request ID to quote to Alibaba Cloud support.</param>
    /// <param name="hostId">The endpoint host that answered.</param>
    /// <param name="recommend">The diagnosis URL the service suggests.</param>
    public EcsError(int statusCode, string? code, string? message, string? requestId = null, string? hostId = null, string? recommend = null)
    {
        StatusCode = statusCode;
        Code = code;
        Message = message;
        RequestId = requestId;
        HostId = hostId;
        Recommend = recommend;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The service's error code, e.g. <c>ActivationId.NotFound</c>; null when the body carried none.</summary>
    public string? Code { get; }

    /// <summary>The service's message (secrets such as a server string-to-sign are removed).</summary>
    public string? Message { get; }

    /// <summary>The request ID, to quote to Alibaba Cloud support.</summary>
    public string? RequestId { get; }

    /// <summary>The host that answered, as the service reports it.</summary>
    public string? HostId { get; }

    /// <summary>The diagnosis link the service recommends.</summary>
    public string? Recommend { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Code ?? "(no code)"} (HTTP {StatusCode}, RequestId {RequestId ?? "(none)"}): {Message}";
}
