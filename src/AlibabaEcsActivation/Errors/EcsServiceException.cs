using System;

namespace AlibabaEcsActivation;

/// <summary>
/// The service answered with an error. Carries the HTTP status, the error code, the message and the
/// request ID. Branch on <see cref="ErrorCode"/> (or on the typed subclasses), not on the status:
/// the documentation pages disagree on statuses, the codes are stable.
/// </summary>
public class EcsServiceException : EcsException
{
    /// <summary>Creates the exception from the service's error.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EcsServiceException(EcsError error, int attempts = 1, Exception? innerException = null)
        : this(error, attempts, innerException, detail: null)
    {
    }

    /// <summary>Creates the exception with an extra sentence appended to the message.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    /// <param name="detail">A sentence of diagnosis added by this library, or null.</param>
    protected EcsServiceException(EcsError error, int attempts, Exception? innerException, string? detail)
        : base(FormatMessage(error ?? throw new ArgumentNullException(nameof(error)), attempts, detail), attempts, innerException)
    {
        Error = error;
    }

    /// <summary>Everything the service said.</summary>
    public EcsError Error { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => Error.StatusCode;

    /// <summary>The service's error code, e.g. <c>ActivationId.NotFound</c> (see <see cref="EcsErrorCodes"/>).</summary>
    public string? ErrorCode => Error.Code;

    /// <summary>The service's own message.</summary>
    public string? ServiceMessage => Error.Message;

    /// <summary>The request ID to quote to Alibaba Cloud support.</summary>
    public string? RequestId => Error.RequestId;

    /// <summary>The host that answered.</summary>
    public string? HostId => Error.HostId;

    /// <summary>The diagnosis link the service recommends.</summary>
    public string? Recommend => Error.Recommend;

    /// <summary>
    /// True when the same request may succeed later (server-side faults and throttling), false when
    /// it will fail the same way until something is changed (credentials, parameters, permissions).
    /// </summary>
    public bool IsTransient => EcsErrorClassifier.IsTransient(Error);

    private static string FormatMessage(EcsError error, int attempts, string? detail)
    {
        string text = $"{error.Code ?? "UnknownError"}: {error.Message ?? "(no message)"} (HTTP {error.StatusCode}; RequestId: {error.RequestId ?? "none"}; attempts: {attempts})";
        return detail is null ? text : text + " " + detail;
    }
}
