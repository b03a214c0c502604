using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace AlibabaEcsActivation.Testing.Authentication;

/// <summary>
/// The server's side of RPC signature v1, written independently of the SDK's signer so that the
/// emulator is an oracle for it: the decoded parameters (all but <c>Signature</c>) sorted by name
/// (ordinal), each name and value encoded with <c>Uri.EscapeDataString</c> plus <c>! ' ( ) *</c>,
/// joined as a query, encoded once more behind <c>METHOD&amp;%2F&amp;</c>; HMAC-SHA1 keyed with <c>secret&amp;</c>.
/// </summary>
internal static class SignatureVerifier
{
    public static string BuildStringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        string canonicalQuery = string.Join("&", parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        return method + "&" + Encode("/") + "&" + Encode(canonicalQuery);
    }

    public static string ComputeSignature(string stringToSign, string accessKeySecret)
    {
#pragma warning disable CA5350 // HMAC-SHA1 is what the RPC v1 protocol specifies.
        byte[] mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }

    /// <summary>Compares in constant time, so the emulator does not teach timing attacks by example.</summary>
    public static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    /// <summary>RFC 3986: <c>Uri.EscapeDataString</c> leaves <c>! ' ( ) *</c> alone; the signer encodes them.</summary>
    internal static string Encode(string value) => Uri.EscapeDataString(value)
        .Replace("!", "%21", StringComparison.Ordinal)
        .Replace("'", "%27", StringComparison.Ordinal)
        .Replace("(", "%28", StringComparison.Ordinal)
        .Replace(")", "%29", StringComparison.Ordinal)
        .Replace("*", "%2A", StringComparison.Ordinal);
}
