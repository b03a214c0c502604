using System.Security.Cryptography;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// Fresh <c>SignatureNonce</c> values: 128 random bits as 32 lower-case hex digits (the official
/// clients send 32 or 64 hex digits). The service rejects a nonce it has seen, so every attempt needs one.
/// </summary>
internal static class NonceGenerator
{
    public static string Next()
    {
#if NET8_0_OR_GREATER
        return RandomNumberGenerator.GetHexString(32, lowercase: true);
#else
        byte[] bytes = new byte[16];
        using (var rng = RandomNumberGenerator.Create())
        {
            rng.GetBytes(bytes);
        }

        char[] chars = new char[32];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
            chars[(2 * i) + 1] = "0123456789abcdef"[bytes[i] & 0xF];
        }

        return new string(chars);
#endif
    }
}
