using System;
using System.Threading;
using AlibabaEcsActivation.FlowControl;
using AlibabaEcsActivation.Signing;

namespace AlibabaEcsActivation.Transport;

/// <summary>One logical API call: the action, its region, its business parameters and where to send it; and, while it runs, what its attempts met.</summary>
internal sealed class RpcCall
{
    public RpcCall(string action, string regionId, RpcParameters parameters, Uri endpoint)
    {
        Action = action;
        RegionId = regionId;
        Parameters = parameters;
        Endpoint = endpoint;
    }

    public string Action { get; }
    public string RegionId { get; }

    /// <summary>Business parameters only (RegionId included); the common ones are stamped per attempt.</summary>
    public RpcParameters Parameters { get; }

    public Uri Endpoint { get; }

    /// <summary>The bulk run this call is part of: every attempt waits for its turn there and reports its answer. Null for a lone call.</summary>
    public FlowController? FlowControl { get; set; }

    /// <summary>How many attempts have started so far.</summary>
    public int Attempts { get; set; }

    /// <summary>How many attempts the service answered with <c>Throttling</c>: refused, not acted on.</summary>
    public int ThrottledAttempts { get; set; }

    /// <summary>What each failed attempt met.</summary>
    public AttemptHistory History { get; } = new();

    /// <summary>When the call started (a <see cref="TimeProvider"/> timestamp).</summary>
    public long Started { get; set; }

    /// <summary>Whether the current attempt was given only the time left before the call's deadline.</summary>
    public bool AttemptEndsAtDeadline { get; set; }

    /// <summary>The caller's token, to tell its cancellation from every other.</summary>
    public CancellationToken CallerToken { get; set; }

    /// <summary>The call's overall Timeout, once something needs it (see <see cref="RpcInvoker"/>); disposed when the call ends.</summary>
    public LinkedDeadline? Deadline { get; set; }

    /// <summary>What ends the call: its deadline's token (which the caller's also cancels) once that exists, the caller's until then.</summary>
    public CancellationToken DeadlineToken => Deadline?.Token ?? CallerToken;

    /// <summary>The HTTP status of the latest attempt's answer; 0 when it got none.</summary>
    public int LastStatusCode { get; set; }

    /// <summary>The request ID of the latest attempt's answer, if it had one.</summary>
    public string? LastRequestId { get; set; }

    /// <summary>How long the call took, set when it ends.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>The call's metadata as it ended; <paramref name="bodyRequestId"/> stands in for a missing request ID header.</summary>
    public EcsResponseMetadata Metadata(string? bodyRequestId) => new(LastStatusCode, LastRequestId ?? bodyRequestId, Attempts, Elapsed);
}
