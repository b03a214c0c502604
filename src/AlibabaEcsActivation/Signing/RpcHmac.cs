using System;
using System.Security.Cryptography;
using System.Text;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// The RPC v1 MAC: HMAC-SHA1 keyed with UTF-8 of <c>AccessKeySecret + "&amp;"</c>. The key is made for
/// each signature and wiped after it; nothing keyed outlives the call that signs.
/// </summary>
internal static class RpcHmac
{
    public const int MacLength = 20;

    /// <summary>Writes HMAC-SHA1(<paramref name="accessKeySecret"/> + "&amp;", the first <paramref name="length"/> bytes of <paramref name="data"/>) into <paramref name="mac"/>.</summary>
    public static void Compute(string accessKeySecret, byte[] data, int length, Span<byte> mac)
    {
#pragma warning disable CA5350 // RPC signature version 1.0 is HMAC-SHA1 by specification.
#if NET8_0_OR_GREATER
        int keyLength = Encoding.UTF8.GetByteCount(accessKeySecret) + 1;
        Span<byte> key = keyLength <= StackKeyLimit ? stackalloc byte[keyLength] : new byte[keyLength];
        try
        {
            Encoding.UTF8.GetBytes(accessKeySecret, key);
            key[keyLength - 1] = (byte)'&';
            HMACSHA1.HashData(key, data.AsSpan(0, length), mac);
        }
        finally
        {
            key.Clear();
        }
#else
        byte[] key = new byte[Encoding.UTF8.GetByteCount(accessKeySecret) + 1];
        try
        {
            Encoding.UTF8.GetBytes(accessKeySecret, 0, accessKeySecret.Length, key, 0);
            key[key.Length - 1] = (byte)'&';
            using var hmac = new HMACSHA1(key);
            byte[] result = hmac.ComputeHash(data, 0, length);
            result.CopyTo(mac);
            Array.Clear(result, 0, result.Length);
        }
        finally
        {
            Array.Clear(key, 0, key.Length);
        }
#endif
#pragma warning restore CA5350
    }

#if NET8_0_OR_GREATER
    // Secrets are tens of bytes; a key this short lives on the stack and is wiped there.
    private const int StackKeyLimit = 256;
#endif
}
