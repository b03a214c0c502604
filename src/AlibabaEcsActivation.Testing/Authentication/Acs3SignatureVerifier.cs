using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace AlibabaEcsActivation.Testing.Authentication;

/// <summary>
/// The server's side of signature V3 (<c>ACS3-HMAC-SHA256</c>), written independently of the SDK's signer
/// so that the emulator is an oracle for it: the canonical request is built from what arrived (the decoded
/// query parameters sorted by name, names as they are and values percent-encoded; the headers the client
/// listed in <c>SignedHeaders</c>, values trimmed; the hash of the body actually received), its hex SHA-256
/// goes behind <c>ACS3-HMAC-SHA256\n</c>, and that is HMAC-SHA256'd with the secret as the key.
/// </summary>
internal static class Acs3SignatureVerifier
{
    public static string BuildCanonicalRequest(
        string method, string path, IEnumerable<KeyValuePair<string, string>> query, IEnumerable<KeyValuePair<string, string>> signedHeaders, string payloadHash)
    {
        var headers = signedHeaders.OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
        return string.Join("\n",
            method,
            path,
            string.Join("&", query.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + SignatureVerifier.PercentEncode(p.Value))),
            string.Concat(headers.Select(h => h.Key + ":" + h.Value.Trim() + "\n")),
            string.Join(";", headers.Select(h => h.Key)),
            payloadHash);
    }

    public static string BuildStringToSign(string canonicalRequest) =>
        Acs3Authorization.Acs3Algorithm + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static string ComputeSignature(string stringToSign, string accessKeySecret) =>
        Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));

    public static string HashPayload(byte[] body) => Hex(SHA256.HashData(body));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
