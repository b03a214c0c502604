using System;

namespace AlibabaEcsActivation;

/// <summary>The accepted values of <see cref="EcsActivationClientOptions.SignatureAlgorithm"/>.</summary>
public static class EcsSignatureAlgorithm
{
    /// <summary>
    /// RPC signature v1, the default: HMAC-SHA1 over the sorted query, sent as its <c>Signature</c>
    /// parameter with <c>Timestamp</c>, <c>SignatureNonce</c> and <c>AccessKeyId</c>.
    /// </summary>
    public const string HmacSha1 = "HMAC-SHA1";

    /// <summary>
    /// Signature V3, the default of Alibaba Cloud's own current SDKs: HMAC-SHA256 over a canonical request
    /// of the query and the <c>host</c> and <c>x-acs-*</c> headers, sent in an <c>Authorization</c> header.
    /// </summary>
    public const string Acs3HmacSha256 = "ACS3-HMAC-SHA256";

    /// <summary>Whether <paramref name="value"/> names signature V3 (any letter case).</summary>
    internal static bool IsAcs3(string? value) => string.Equals(value, Acs3HmacSha256, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="value"/> is one of the accepted values (any letter case).</summary>
    internal static bool IsKnown(string? value) => IsAcs3(value) || string.Equals(value, HmacSha1, StringComparison.OrdinalIgnoreCase);
}
