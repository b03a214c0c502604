using System;
using AlibabaEcsActivation.Signing;

namespace AlibabaEcsActivation;

/// <summary>Maps a service error to its typed exception, by error code (statuses differ between doc pages).</summary>
internal static class EcsExceptionFactory
{
    /// <param name="body">The parsed error response.</param>
    /// <param name="attempts">The attempt number that received it.</param>
    /// <param name="signed">What this attempt signed: its string-to-sign is derived only to diagnose
    /// <c>SignatureDoesNotMatch</c>, so no other error makes a string that holds the AccessKeyId and any token.</param>
    /// <param name="retryAfter">The server's <c>x-acs-retry-after</c> hint, if any.</param>
    public static EcsServiceException Create(ErrorBody body, int attempts, in SignedRequest signed, TimeSpan? retryAfter)
    {
        EcsError error = body.Error;
        if (EcsErrorClassifier.IsThrottling(error))
        {
            return new ThrottlingException(error, attempts, retryAfter: retryAfter);
        }

        switch (error.Code)
        {
            case EcsErrorCodes.ActivationNotFound: return new ActivationNotFoundException(error, attempts);
            case EcsErrorCodes.ActivationInUse: return new ActivationInUseException(error, attempts);
            case EcsErrorCodes.InvalidRegionId: return new InvalidRegionIdException(error, attempts);
            case EcsErrorCodes.RegionApiNotSupported: return new RegionNotSupportedException(error, attempts);
            case EcsErrorCodes.OperationForbidden: return new OperationForbiddenException(error, attempts);
            case EcsErrorCodes.InternalErrorDispatch: return new DispatchErrorException(error, attempts);
            case EcsErrorCodes.SignatureDoesNotMatch:
                return new SignatureMismatchException(error, Diagnose(body.ServerStringToSign, signed.StringToSign), attempts);
        }

        return EcsErrorClassifier.IsAuthentication(error.Code)
            ? new EcsAuthenticationException(error, attempts)
            : new EcsServiceException(error, attempts);
    }

    internal static SignatureMismatchDiagnosis Diagnose(string? serverStringToSign, string? ourStringToSign)
    {
        if (serverStringToSign is null || ourStringToSign is null)
        {
            return SignatureMismatchDiagnosis.Unknown;
        }

        return string.Equals(serverStringToSign, ourStringToSign, StringComparison.Ordinal)
            ? SignatureMismatchDiagnosis.WrongSecret
            : SignatureMismatchDiagnosis.EncodingMismatch;
    }
}
