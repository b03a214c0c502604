using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// What signing one attempt produces: the complete request URL, signature last. The string-to-sign
/// is only needed to diagnose <c>SignatureDoesNotMatch</c>, so it is rebuilt from the inputs on that
/// rare path instead of being kept (about a kilobyte) for every request.
/// </summary>
internal readonly struct SignedRequest
{
    private readonly string _httpMethod;
    private readonly RpcParameters _business;
    private readonly CommonParameters _common;
    private readonly int _queryStart;

    internal SignedRequest(string httpMethod, RpcParameters business, in CommonParameters common, string url, int queryStart)
    {
        _httpMethod = httpMethod;
        _business = business;
        _common = common;
        Url = url;
        _queryStart = queryStart;
    }

    /// <summary>The Base64 HMAC-SHA1 signature, decoded from the URL's last parameter (tests and diagnostics only).</summary>
    public string Signature => Uri.UnescapeDataString(Url.Substring(Url.LastIndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length));

    /// <summary>The endpoint, <c>?</c>, every parameter and the signature, percent-encoded. Just the query when signed without an endpoint.</summary>
    public string Url { get; }

    /// <summary>Every parameter and the signature, percent-encoded, without a leading <c>?</c>.</summary>
    public string QueryString => _queryStart == 0 ? Url : Url.Substring(_queryStart);

    /// <summary>What was signed; never logged (it holds the AccessKeyId and any token).</summary>
    public string StringToSign
    {
        get
        {
            var items = new KeyValuePair<string, string>[_business.Count + CommonParameters.MaxCount];
            int count = RpcSigner.Canonicalize(_business, _common, items);
            return RpcSigner.BuildStringToSign(_httpMethod, new ArraySegment<KeyValuePair<string, string>>(items, 0, count));
        }
    }

    // A generated ToString would print the signature and any security token in the query.
    public override string ToString() => "SignedRequest { <redacted> }";
}
