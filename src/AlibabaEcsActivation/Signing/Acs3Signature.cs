namespace AlibabaEcsActivation.Signing;

/// <summary>
/// Every stage of one signature V3 derivation, for the vectors and the <c>SignatureDoesNotMatch</c>
/// diagnosis. The canonical request holds the AccessKeyId's token if any: never log it.
/// </summary>
internal readonly struct Acs3Signature
{
    public Acs3Signature(string canonicalRequest, string stringToSign, string authorization)
    {
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
        Authorization = authorization;
    }

    public string CanonicalRequest { get; }

    /// <summary><c>ACS3-HMAC-SHA256</c>, a line feed and the hex SHA-256 of the canonical request.</summary>
    public string StringToSign { get; }

    /// <summary>The <c>Authorization</c> header's value.</summary>
    public string Authorization { get; }

    // The canonical request may hold a security token.
    public override string ToString() => "Acs3Signature { <redacted> }";
}
