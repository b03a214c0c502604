using System;

namespace AlibabaEcsActivation;

/// <summary>
/// Decides, from the error code first and the status only as a fallback, what kind of failure the
/// service reported. Codes are stable across the documentation; statuses are not.
/// </summary>
internal static class EcsErrorClassifier
{
    public static bool IsThrottling(EcsError error) =>
        error.Code is { } code
            ? code.IndexOf("Throttling", StringComparison.Ordinal) >= 0
            : error.StatusCode == 429;

    public static bool IsAuthentication(string? code) => code is not null && (
        code == EcsErrorCodes.SignatureDoesNotMatch
        || code == EcsErrorCodes.IncompleteSignature
        || code == EcsErrorCodes.SignatureNonceUsed
        || code == EcsErrorCodes.ForbiddenRam
        || code == "Forbidden.AccessKeyDisabled"
        || code == "MissingSecurityToken"
        || code == "InvalidCredentials"
        || code.StartsWith("InvalidAccessKeyId", StringComparison.Ordinal)
        || code.StartsWith("InvalidSecurityToken", StringComparison.Ordinal)
        || code.StartsWith("InvalidTimeStamp", StringComparison.Ordinal));

    /// <summary>True when the same request may succeed later: server faults and throttling.</summary>
    public static bool IsTransient(EcsError error)
    {
        if (IsThrottling(error))
        {
            return true;
        }

        if (error.Code is { } code)
        {
            if (IsAuthentication(code) || code == EcsErrorCodes.InvalidResponse)
            {
                return false;
            }

            if (code == EcsErrorCodes.InternalErrorDispatch
                || code == EcsErrorCodes.InternalError
                || code == EcsErrorCodes.ServiceUnavailable
                || code.StartsWith("InternalError", StringComparison.Ordinal)
                || code.StartsWith("ServiceUnavailable", StringComparison.Ordinal))
            {
                return true;
            }
        }

        // 5xx without a recognised code (an HTML 503 from a load balancer, say) is a server fault.
        return error.StatusCode >= 500;
    }
}
