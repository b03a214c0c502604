namespace AlibabaEcsActivation.Signing;

/// <summary>What signing one attempt produces.</summary>
/// <param name="StringToSign">Kept only to diagnose <c>SignatureDoesNotMatch</c>; never logged.</param>
/// <param name="Signature">The Base64 HMAC-SHA1 signature.</param>
/// <param name="QueryString">Every parameter and the signature, percent-encoded, without a leading <c>?</c>.</param>
internal sealed record SignedRequest(string StringToSign, string Signature, string QueryString)
{
    // The record's generated ToString would print the signature and any security token in the query.
    public override string ToString() => "SignedRequest { <redacted> }";
}
