using Microsoft.Extensions.Logging;

namespace AlibabaEcsActivation.Diagnostics;

/// <summary>
/// The client's log lines, one per attempt: a success at Debug, a failed attempt that is retried at
/// Information, the failure that ends a call at Warning. Their event IDs are stable (README, "Logs"):
/// <list type="table">
/// <item><term>1 AttemptSucceeded</term><description>Debug: an attempt got its answer.</description></item>
/// <item><term>2 CallFailed</term><description>Warning: the call ends with an exception (its last attempt failed, or its Timeout ran out).</description></item>
/// <item><term>3 Retrying</term><description>Information: an attempt failed and another follows after a delay.</description></item>
/// <item><term>4 CallCancelled</term><description>Debug: the caller's token cancelled the call.</description></item>
/// </list>
/// Allow-listed fields only: action, region, attempt, status, error type, request ID and timing. Never the
/// URL, the query, the signature, a key, a token or an activation code. <c>StatusCode</c> 0 means no HTTP answer.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug,
        Message = "{Action} in {RegionId}: attempt {Attempt} succeeded with HTTP {StatusCode} (RequestId {RequestId}) in {ElapsedMs} ms")]
    public static partial void AttemptSucceeded(ILogger logger, string action, string regionId, int attempt, int statusCode, string requestId, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "{Action} in {RegionId} failed after {Attempts} attempt(s) in {ElapsedMs} ms: {ErrorType} (HTTP {StatusCode}, RequestId {RequestId})")]
    public static partial void CallFailed(ILogger logger, string action, string regionId, int attempts, long elapsedMs, string errorType, int statusCode, string requestId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "{Action} in {RegionId}: attempt {Attempt} failed with {ErrorType} (HTTP {StatusCode}, RequestId {RequestId}); retrying in {DelayMs} ms (retry {Retry} of {MaxRetries})")]
    public static partial void Retrying(ILogger logger, string action, string regionId, int attempt, string errorType, int statusCode, string requestId, long delayMs, int retry, int maxRetries);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug,
        Message = "{Action} in {RegionId} was cancelled by the caller after {Attempts} attempt(s)")]
    public static partial void CallCancelled(ILogger logger, string action, string regionId, int attempts);
}
