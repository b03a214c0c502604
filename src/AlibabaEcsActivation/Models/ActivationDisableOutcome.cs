namespace AlibabaEcsActivation;

/// <summary>The result of a bulk disable for one activation code.</summary>
public sealed class ActivationDisableOutcome
{
    private readonly string? _requestId;

    /// <summary>Creates an outcome (public so that test doubles of <see cref="IEcsActivationClient"/> can build results).</summary>
    /// <param name="activationId">The code's ID.</param>
    /// <param name="status">What happened.</param>
    /// <param name="activation">The code as last seen (after the disable, or from the listing); null when unknown.</param>
    /// <param name="exception">Why it failed or was not found; null on success.</param>
    public ActivationDisableOutcome(string activationId, ActivationDisableStatus status, Activation? activation = null, EcsException? exception = null)
    {
        ActivationId = activationId;
        Status = status;
        Activation = activation;
        Exception = exception;
    }

    /// <summary>The ID of the activation code.</summary>
    public string ActivationId { get; }

    /// <summary>What happened to the code.</summary>
    public ActivationDisableStatus Status { get; }

    /// <summary>The code after DisableActivation (<see cref="ActivationDisableStatus.Disabled"/>), or as listed
    /// (<see cref="ActivationDisableStatus.AlreadyDisabled"/>); null for the other statuses.</summary>
    public Activation? Activation { get; }

    /// <summary>The service's error code (e.g. <c>Throttling.User</c>, <c>ActivationId.NotFound</c>); null on success or when the service never answered (connection failure, timeout, credentials).</summary>
    public string? ErrorCode => (Exception as EcsServiceException)?.ErrorCode;

    /// <summary>The error message (never contains a secret); null on success.</summary>
    public string? ErrorMessage => Exception?.Message;

    /// <summary>
    /// The RequestId of the service's answer to the DisableActivation call (the success, or the error that
    /// ended it), to quote to support; null when no call was made or the service never answered.
    /// </summary>
    public string? RequestId
    {
        get => _requestId ?? (Exception as EcsServiceException)?.RequestId;
        init => _requestId = value;
    }

    /// <summary>The exception the call ended with; null on success.</summary>
    public EcsException? Exception { get; }

    /// <summary>
    /// How many attempts the DisableActivation calls for this code made (retries included, and those of a call made
    /// again after it was throttled on every attempt while the service accepted others); 0 when no call
    /// was made (<see cref="ActivationDisableStatus.AlreadyDisabled"/>, or a listed code without an ID).
    /// </summary>
    public int Attempts { get; init; }

    /// <summary>An enabled code the listing did not identify cannot be disabled: it is reported, never dropped.</summary>
    internal static ActivationDisableOutcome UnidentifiedEnabledCode(Activation activation)
    {
        var error = new EcsError(200, EcsErrorCodes.InvalidResponse, "DescribeActivations listed an enabled activation code without an ActivationId; it was not disabled.");
        return new ActivationDisableOutcome(string.Empty, ActivationDisableStatus.Failed, activation, new EcsInvalidResponseException(error));
    }

    /// <inheritdoc />
    public override string ToString() => ErrorCode is null && Exception is null
        ? $"{ActivationId}: {Status}"
        : $"{ActivationId}: {Status} ({ErrorCode ?? Exception!.GetType().Name})";
}
