using System;
using System.Security.Cryptography;
using System.Text;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// The two primitives of signature V3: SHA-256 and HMAC-SHA256, with results in lower-case hex. The HMAC
/// is keyed with UTF-8 of the AccessKeySecret itself (no <c>&amp;</c>, unlike v1); the key is made for each
/// signature and wiped after it, so nothing keyed outlives the call that signs.
/// </summary>
internal static class Acs3Hash
{
    public const int Length = 32;
    public const int HexLength = 2 * Length;

    private const string HexDigits = "0123456789abcdef";

    /// <summary>Writes SHA-256 of the first <paramref name="length"/> bytes of <paramref name="data"/> into <paramref name="hash"/>.</summary>
    public static void Sha256(byte[] data, int length, Span<byte> hash)
    {
#if NET8_0_OR_GREATER
        SHA256.HashData(data.AsSpan(0, length), hash);
#else
        using var sha = SHA256.Create();
        sha.ComputeHash(data, 0, length).CopyTo(hash);
#endif
    }

    /// <summary>Writes HMAC-SHA256(UTF-8 of <paramref name="accessKeySecret"/>, <paramref name="data"/>) into <paramref name="mac"/>.</summary>
    public static void HmacSha256(string accessKeySecret, ReadOnlySpan<byte> data, Span<byte> mac)
    {
#if NET8_0_OR_GREATER
        int keyLength = Encoding.UTF8.GetByteCount(accessKeySecret);
        Span<byte> key = keyLength <= StackKeyLimit ? stackalloc byte[keyLength] : new byte[keyLength];
        try
        {
            Encoding.UTF8.GetBytes(accessKeySecret, key);
            HMACSHA256.HashData(key, data, mac);
        }
        finally
        {
            key.Clear();
        }
#else
        byte[] key = Encoding.UTF8.GetBytes(accessKeySecret);
        byte[] input = data.ToArray();
        try
        {
            using var hmac = new HMACSHA256(key);
            byte[] result = hmac.ComputeHash(input);
            result.CopyTo(mac);
            Array.Clear(result, 0, result.Length);
        }
        finally
        {
            Array.Clear(key, 0, key.Length);
        }
#endif
    }

    /// <summary>Writes <paramref name="bytes"/> as lower-case hex at the start of <paramref name="destination"/>.</summary>
    public static void WriteHex(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = HexDigits[bytes[i] >> 4];
            destination[(2 * i) + 1] = HexDigits[bytes[i] & 0xF];
        }
    }

    /// <summary>SHA-256 of UTF-8 of <paramref name="text"/>, in lower-case hex: the <c>x-acs-content-sha256</c> of a body.</summary>
    public static string Sha256Hex(string text)
    {
        byte[] data = Encoding.UTF8.GetBytes(text);
        Span<byte> hash = stackalloc byte[Length];
        Sha256(data, data.Length, hash);
        var hex = new char[HexLength];
        WriteHex(hash, hex);
        return new string(hex);
    }

#if NET8_0_OR_GREATER
    // Secrets are tens of bytes; a key this short lives on the stack and is wiped there.
    private const int StackKeyLimit = 256;
#endif
}
