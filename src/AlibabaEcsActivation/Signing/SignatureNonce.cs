using System.Security.Cryptography;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// Fresh <c>SignatureNonce</c> values: 128 random bits from the cryptographic generator as 32
/// lower-case hex digits (the official clients send 32 or 64 hex digits). The service rejects a
/// nonce it has seen, so every attempt draws a new one.
/// </summary>
internal static class SignatureNonce
{
    private const int NonceBytes = 16;

#if NET8_0_OR_GREATER
    public static string Next() => RandomNumberGenerator.GetHexString(2 * NonceBytes, lowercase: true);
#else
    private const string HexDigits = "0123456789abcdef";

    // Thread-safe; it holds no key and no nonce once it has handed one out.
    private static readonly RandomNumberGenerator Generator = RandomNumberGenerator.Create();

    public static string Next()
    {
        var bytes = new byte[NonceBytes];
        Generator.GetBytes(bytes);
        var chars = new char[2 * NonceBytes];
        for (int i = 0; i < NonceBytes; i++)
        {
            chars[2 * i] = HexDigits[bytes[i] >> 4];
            chars[(2 * i) + 1] = HexDigits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
#endif
}
