namespace AlibabaEcsActivation;

/// <summary>
/// Error codes the service documents for the activation-code APIs, the gateway's common ones, and
/// the few this library reports itself (prefixed <c>SDK.</c>).
/// </summary>
public static class EcsErrorCodes
{
    /// <summary>The activation code does not exist in the region (HTTP 404).</summary>
    public const string ActivationNotFound = "ActivationId.NotFound";

    /// <summary>The activation code still has registered instances and cannot be deleted (HTTP 403).</summary>
    public const string ActivationInUse = "ActivationId.InUse";

    /// <summary>The region ID does not exist (HTTP 404).</summary>
    public const string InvalidRegionId = "InvalidRegionId.NotFound";

    /// <summary>The region does not offer this API (HTTP 400).</summary>
    public const string RegionApiNotSupported = "RegionId.ApiNotSupported";

    /// <summary>The operation is not permitted (HTTP 403).</summary>
    public const string OperationForbidden = "Operation.Forbidden";

    /// <summary>The service failed to dispatch the request; documented as "try again later" (HTTP 500).</summary>
    public const string InternalErrorDispatch = "InternalError.Dispatch";

    /// <summary>A generic server-side fault (HTTP 500).</summary>
    public const string InternalError = "InternalError";

    /// <summary>The service is temporarily unavailable (HTTP 503).</summary>
    public const string ServiceUnavailable = "ServiceUnavailable";

    /// <summary>Request rate over the quota; every code containing <c>Throttling</c> is treated alike.</summary>
    public const string Throttling = "Throttling";

    /// <summary>The caller's own request rate is over its quota.</summary>
    public const string ThrottlingUser = "Throttling.User";

    /// <summary>The API's request rate is over its quota.</summary>
    public const string ThrottlingApi = "Throttling.Api";

    /// <summary>The signature does not match the service's computation.</summary>
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";

    /// <summary>The signature parameters are incomplete.</summary>
    public const string IncompleteSignature = "IncompleteSignature";

    /// <summary>The <c>SignatureNonce</c> was used before.</summary>
    public const string SignatureNonceUsed = "SignatureNonceUsed";

    /// <summary>The AccessKeyId is unknown.</summary>
    public const string InvalidAccessKeyIdNotFound = "InvalidAccessKeyId.NotFound";

    /// <summary>The AccessKeyId is disabled.</summary>
    public const string InvalidAccessKeyIdInactive = "InvalidAccessKeyId.Inactive";

    /// <summary>The STS token has expired.</summary>
    public const string InvalidSecurityTokenExpired = "InvalidSecurityToken.Expired";

    /// <summary>The STS token is malformed.</summary>
    public const string InvalidSecurityTokenMalformed = "InvalidSecurityToken.Malformed";

    /// <summary>The STS token does not belong to the AccessKeyId.</summary>
    public const string InvalidSecurityTokenMismatch = "InvalidSecurityToken.MismatchWithAccessKey";

    /// <summary>The <c>Timestamp</c> is outside the accepted window (check the clock).</summary>
    public const string InvalidTimestampExpired = "InvalidTimeStamp.Expired";

    /// <summary>The <c>Timestamp</c> is not in <c>yyyy-MM-ddTHH:mm:ssZ</c> form.</summary>
    public const string InvalidTimestampFormat = "InvalidTimeStamp.Format";

    /// <summary>The RAM user or role lacks permission for the action.</summary>
    public const string ForbiddenRam = "Forbidden.RAM";

    /// <summary>A required parameter is missing (the code is often <c>MissingParameterName</c>).</summary>
    public const string MissingParameter = "MissingParameter";

    /// <summary>A parameter has an invalid value.</summary>
    public const string InvalidParameter = "InvalidParameter";

    /// <summary>The API version is not supported.</summary>
    public const string UnsupportedVersion = "InvalidVersion";

    /// <summary>Reported by this library: a success response whose body could not be read as the documented JSON.</summary>
    public const string InvalidResponse = "SDK.InvalidResponse";
}
