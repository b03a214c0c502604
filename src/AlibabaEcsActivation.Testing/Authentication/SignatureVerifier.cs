using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace AlibabaEcsActivation.Testing.Authentication;

/// <summary>
/// The server's side of RPC signature v1, written independently of the SDK's signer so that the
/// emulator is an oracle for it: the decoded parameters (all but <c>Signature</c>) sorted by name
/// (ordinal), each name and value percent-encoded, joined as a query, encoded once more behind
/// <c>METHOD&amp;%2F&amp;</c>; HMAC-SHA1 keyed with <c>secret&amp;</c>.
/// </summary>
internal static class SignatureVerifier
{
    public static string BuildStringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        string canonicalQuery = string.Join("&", parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));
        return method + "&" + PercentEncode("/") + "&" + PercentEncode(canonicalQuery);
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

    /// <summary>
    /// The signer's rule, RFC 3986: only <c>A-Z a-z 0-9 - _ . ~</c> stay, every other UTF-8 byte is
    /// <c>%XX</c> in upper-case hex, a lone surrogate is U+FFFD. <c>Uri.EscapeDataString</c> is exactly
    /// that on every framework this package targets: it escapes <c>! ' ( ) *</c> too (only .NET Framework
    /// before 4.5 left them alone) and writes a lone surrogate as <c>%EF%BF%BD</c>, as <c>Encoding.UTF8</c> does.
    /// </summary>
    internal static string PercentEncode(string value) => Uri.EscapeDataString(value);
}
