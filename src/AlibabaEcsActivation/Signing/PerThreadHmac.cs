using System;
using System.Security.Cryptography;
using System.Text;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// HMAC-SHA1 with one keyed state per thread, reused while the secret stays the same. A one-shot
/// <c>HMACSHA1.HashData</c> sets up and tears down a native HMAC context and re-derives the key pads on
/// every call, which costs about as much as hashing the string-to-sign itself; a reset keyed state
/// skips all of that (about 0.8 µs instead of 1.5 µs per signature, measured).
/// </summary>
/// <remarks>
/// The state is keyed by the secret string it was made from (the credentials' own instance, not a
/// copy). A new secret (rotated STS credentials, another client) re-keys the thread's state and
/// disposes the old one. Signing is synchronous, so a thread never uses its state twice at once.
/// </remarks>
internal static class PerThreadHmac
{
    public const int MacLength = 20;

    [ThreadStatic]
    private static IncrementalHash? t_hmac;

    [ThreadStatic]
    private static string? t_secret;

    /// <summary>Writes HMAC-SHA1(<paramref name="accessKeySecret"/> + "&amp;", <paramref name="data"/>) into <paramref name="mac"/>.</summary>
    public static void Compute(string accessKeySecret, byte[] data, int length, Span<byte> mac)
    {
        IncrementalHash hmac = t_hmac is not null && string.Equals(t_secret, accessKeySecret, StringComparison.Ordinal)
            ? t_hmac
            : Rekey(accessKeySecret);
        hmac.AppendData(data, 0, length);
#if NET8_0_OR_GREATER
        hmac.GetHashAndReset(mac);
#else
        hmac.GetHashAndReset().CopyTo(mac);
#endif
    }

    private static IncrementalHash Rekey(string accessKeySecret)
    {
        // RPC v1's key is the secret followed by '&', as UTF-8. The array is wiped once the state holds it.
        byte[] key = new byte[Encoding.UTF8.GetByteCount(accessKeySecret) + 1];
        Encoding.UTF8.GetBytes(accessKeySecret, 0, accessKeySecret.Length, key, 0);
        key[key.Length - 1] = (byte)'&';
        try
        {
            t_hmac?.Dispose();
            t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, key);
            t_secret = accessKeySecret;
            return t_hmac;
        }
        finally
        {
            Array.Clear(key, 0, key.Length);
        }
    }
}
