using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// What signing one attempt produces: the complete request URL (signature last, for RPC v1) and, for
/// signature V3, the headers to send with it. The string-to-sign is only needed to diagnose
/// <c>SignatureDoesNotMatch</c>, so it is derived again from the URL's query (and the headers) on that
/// rare path instead of being kept for every request.
/// </summary>
internal readonly struct SignedRequest
{
    private readonly string _httpMethod;
    private readonly int _queryStart;
    private readonly int _queryEnd;

    internal SignedRequest(string httpMethod, string url, int queryStart, int queryEnd, KeyValuePair<string, string>[]? headers = null)
    {
        _httpMethod = httpMethod;
        Url = url;
        _queryStart = queryStart;
        _queryEnd = queryEnd;
        Headers = headers;
    }

    /// <summary>The endpoint, <c>?</c>, every parameter and the signature, percent-encoded. Just the query when signed without an endpoint.</summary>
    public string Url { get; }

    /// <summary>Signature V3 only (null for v1): every header to send, <c>host</c> and <c>Authorization</c> included; never logged.</summary>
    public KeyValuePair<string, string>[]? Headers { get; }

    /// <summary>Which signature this is: <c>HMAC-SHA1</c> (RPC v1) or <c>ACS3-HMAC-SHA256</c> (V3).</summary>
    public string Algorithm => Headers is null ? RpcSigner.SignatureMethod : Acs3Signer.Algorithm;

    /// <summary>Every parameter and the signature, percent-encoded, without a leading <c>?</c>.</summary>
    public string QueryString => _queryStart == 0 ? Url : Url.Substring(_queryStart);

    /// <summary>
    /// The signature (tests and diagnostics): v1's Base64 HMAC-SHA1, decoded from the URL's last parameter;
    /// V3's hex HMAC-SHA256, from the Authorization header.
    /// </summary>
    public string Signature => Headers is null
        ? Uri.UnescapeDataString(AfterLastSignature(Url))
        : AfterLastSignature(Header(Acs3Signer.AuthorizationHeader)!);

    /// <summary>What was signed; never logged (v1's holds the AccessKeyId and any token; V3's is a hash).</summary>
    public string StringToSign => Headers is null
        ? Signing.StringToSign.Build(_httpMethod, Url.AsSpan(_queryStart, _queryEnd - _queryStart))
        : Acs3StringToSign();

    /// <summary>The value of the V3 header <paramref name="name"/>, or null.</summary>
    public string? Header(string name)
    {
        foreach (var header in Headers ?? Array.Empty<KeyValuePair<string, string>>())
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    // A generated ToString would print the signature and any security token in the query.
    public override string ToString() => "SignedRequest { <redacted> }";

    // Both signatures come last: v1's as the query's Signature parameter, V3's as the Authorization's Signature part.
    private static string AfterLastSignature(string text) => text.Substring(text.LastIndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length);

    /// <summary>The V3 string-to-sign, derived again from the query as sent and the signed headers.</summary>
    private string Acs3StringToSign()
    {
        var query = new List<KeyValuePair<string, string>>();
        foreach (string pair in Url.Substring(_queryStart, _queryEnd - _queryStart).Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            query.Add(new KeyValuePair<string, string>(
                Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals)),
                equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1))));
        }

        // Only the stages up to the string-to-sign matter here; the key and the AccessKeyId are placeholders.
        return Acs3Signer.Compute(_httpMethod, "/", query, Headers!, Header(Acs3Signer.ContentSha256Header) ?? Acs3Signer.EmptyPayloadHash, "-", "-").StringToSign;
    }
}
