using System;

namespace AlibabaEcsActivation.Testing.Responses;

/// <summary>An error the emulated service answers with. Thrown from any pipeline stage, rendered once.</summary>
internal sealed class ServiceError : Exception
{
    public ServiceError(int statusCode, string code, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }
    public string Code { get; }
    public TimeSpan? RetryAfter { get; }

    // Codes, statuses and messages as the real service sends them (the API reference pages and the gateway).
    public static ServiceError Missing(string parameter) =>
        new(400, "Missing" + parameter, $"{parameter} is mandatory for this action.");

    /// <summary>A signature V3 header left out: the code of the RPC v1 parameter it stands for (<c>x-acs-date</c> is <c>MissingTimestamp</c>).</summary>
    public static ServiceError MissingHeader(string header, string parameter) =>
        new(400, "Missing" + parameter, $"The header {header} is mandatory for signature V3.");

    /// <summary>A signature V3 Authorization without its parts, or one that leaves a required header unsigned.</summary>
    public static ServiceError IncompleteSignature(string why) =>
        new(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. " + why);

    public static ServiceError UnsupportedMethod(string method) =>
        new(405, "UnsupportedHTTPMethod", $"This http method '{method}' is not supported; use GET or POST.");

    public static ServiceError ApiNotFound() =>
        new(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");

    public static ServiceError InvalidVersion() =>
        new(400, "InvalidVersion", "Specified parameter Version is not valid.");

    public static ServiceError InvalidSignatureMethod() =>
        new(400, "InvalidSignatureMethod", "Specified signature method is not valid; use HMAC-SHA1, or ACS3-HMAC-SHA256 in an Authorization header.");

    public static ServiceError InvalidSignatureVersion() =>
        new(400, "InvalidSignatureVersion", "Specified signature version is not valid; use 1.0.");

    public static ServiceError TimestampFormat() =>
        new(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");

    public static ServiceError TimestampExpired() =>
        new(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");

    public static ServiceError AccessKeyNotFound() =>
        new(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

    public static ServiceError SecurityTokenMalformed() =>
        new(400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed or missing.");

    public static ServiceError SecurityTokenMismatch() =>
        new(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.");

    public static ServiceError SecurityTokenExpired() =>
        new(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");

    public static ServiceError SignatureDoesNotMatch(string serverStringToSign) =>
        new(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + serverStringToSign);

    public static ServiceError NonceUsed() =>
        new(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

    public static ServiceError RegionNotFound() =>
        new(404, "InvalidRegionId.NotFound", "The RegionId provided does not exist in our records.");

    public static ServiceError RegionNotSupported() =>
        new(400, "RegionId.ApiNotSupported", "The api is not supported in this region.");

    public static ServiceError ActivationNotFound() =>
        new(404, "ActivationId.NotFound", "The specified activation id does not exist.");

    public static ServiceError ActivationInUse() =>
        new(403, "ActivationId.InUse", "The specified activation id is in use.");

    /// <summary>
    /// A parameter that breaks a documented rule. The reference pages list no codes for these, so the
    /// emulator uses ECS's usual shape, <c>Invalid&lt;Parameter&gt;.Malformed</c> (HTTP 400), with a message naming the rule.
    /// </summary>
    /// <param name="parameter">The parameter as it appears in the code, e.g. <c>InstanceName</c>, <c>TagKey</c>.</param>
    /// <param name="rule">What was wrong, e.g. <c>InstanceCount must be an integer from 1 to 1000.</c></param>
    public static ServiceError Malformed(string parameter, string rule) =>
        new(400, $"Invalid{parameter}.Malformed", $"The specified parameter {parameter} is not valid. {rule}");

    /// <summary>Over <see cref="EcsEmulatorOptions.FlowControlLimit"/>: what the gateway answers, the answer of <see cref="EcsFault.Throttling"/>.</summary>
    public static ServiceError Throttled() => FromFault(EcsFault.Throttling());

    public static ServiceError FromFault(EcsFault fault) =>
        new(fault.StatusCode, fault.ErrorCode!, fault.Message!, fault.RetryAfter);
}
