using System;

namespace AlibabaEcsActivation.Cli.Audit;

/// <summary>
/// One line of the audit log: the outcome of one API call. It holds IDs, statuses and the service's
/// references only, never a secret, token, signature or activation code.
/// </summary>
internal sealed record AuditEntry
{
    /// <summary>When the outcome was known (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The API action: DisableActivation, DescribeActivations, CreateActivation, DeleteActivation.</summary>
    public required string Action { get; init; }

    public required string Region { get; init; }

    /// <summary>The ActivationId; null for a listing page.</summary>
    public string? Id { get; init; }

    /// <summary>What happened: Disabled, NotFound, Failed, Listed, Created, Deleted.</summary>
    public required string Status { get; init; }

    public string? ErrorCode { get; init; }

    public string? RequestId { get; init; }

    /// <summary>How many attempts the call made, retries included.</summary>
    public int Attempts { get; init; }

    /// <summary>A create's idempotency token, to resume it; null for the other actions.</summary>
    public string? ClientToken { get; init; }

    /// <summary>How many codes a listing page held; null for the other actions.</summary>
    public int? Count { get; init; }

    /// <summary>A call that failed with <paramref name="e"/>: its error code and RequestId when the service answered.</summary>
    public static AuditEntry Failure(DateTimeOffset time, string action, string region, EcsException e) => new()
    {
        Time = time,
        Action = action,
        Region = region,
        Status = "Failed",
        ErrorCode = (e as EcsServiceException)?.ErrorCode,
        RequestId = (e as EcsServiceException)?.RequestId,
        Attempts = e.Attempts,
    };
}
