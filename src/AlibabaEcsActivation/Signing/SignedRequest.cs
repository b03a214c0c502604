using System;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// What signing one attempt produces: the complete request URL, signature last. The string-to-sign
/// is only needed to diagnose <c>SignatureDoesNotMatch</c>, so it is derived again from the URL's
/// query on that rare path instead of being kept for every request.
/// </summary>
internal readonly struct SignedRequest
{
    private readonly string _httpMethod;
    private readonly int _queryStart;
    private readonly int _queryEnd;

    internal SignedRequest(string httpMethod, string url, int queryStart, int queryEnd)
    {
        _httpMethod = httpMethod;
        Url = url;
        _queryStart = queryStart;
        _queryEnd = queryEnd;
    }

    /// <summary>The endpoint, <c>?</c>, every parameter and the signature, percent-encoded. Just the query when signed without an endpoint.</summary>
    public string Url { get; }

    /// <summary>Every parameter and the signature, percent-encoded, without a leading <c>?</c>.</summary>
    public string QueryString => _queryStart == 0 ? Url : Url.Substring(_queryStart);

    /// <summary>The Base64 HMAC-SHA1 signature, decoded from the URL's last parameter (STS, tests and diagnostics).</summary>
    public string Signature => Uri.UnescapeDataString(Url.Substring(Url.LastIndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length));

    /// <summary>What was signed; never logged (it holds the AccessKeyId and any token).</summary>
    public string StringToSign => Signing.StringToSign.Build(_httpMethod, Url.AsSpan(_queryStart, _queryEnd - _queryStart));

    // A generated ToString would print the signature and any security token in the query.
    public override string ToString() => "SignedRequest { <redacted> }";
}
