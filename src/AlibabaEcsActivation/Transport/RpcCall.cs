using System;
using AlibabaEcsActivation.Signing;

namespace AlibabaEcsActivation.Transport;

/// <summary>One logical API call: the action, its region, its business parameters and where to send it.</summary>
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

    /// <summary>How many attempts have started so far.</summary>
    public int Attempts { get; set; }

    /// <summary>What each failed attempt met.</summary>
    public AttemptHistory History { get; } = new();

    /// <summary>The call's deadlines while it runs (set and cleared by the invoker).</summary>
    public CallTimeouts? Timeouts { get; set; }

    /// <summary>The caller's token, to tell its cancellation from every other.</summary>
    public System.Threading.CancellationToken CallerToken { get; set; }
}
