using System;
using Microsoft.Extensions.Logging;

namespace AlibabaEcsActivation.Diagnostics;

/// <summary>
/// The client's log lines. Allow-listed fields only: action, region, attempt, status, error code,
/// request ID and timing. Never the URL, the query, the signature, a key or a token.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Action} in {RegionId}: attempt {Attempt} answered HTTP {StatusCode} {ErrorCode} (RequestId {RequestId}) in {ElapsedMs} ms")]
    public static partial void AttemptCompleted(ILogger logger, string action, string regionId, int attempt, int statusCode, string errorCode, string requestId, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "{Action} in {RegionId}: attempt {Attempt} failed with {ErrorKind} after {ElapsedMs} ms")]
    public static partial void AttemptFailed(ILogger logger, string action, string regionId, int attempt, string errorKind, long elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "{Action} in {RegionId}: retrying in {DelayMs} ms (retry {Retry} of {MaxRetries})")]
    public static partial void Retrying(ILogger logger, string action, string regionId, long delayMs, int retry, int maxRetries);
}
