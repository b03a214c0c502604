using System;
using System.Security.Cryptography;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// Fresh <c>SignatureNonce</c> values: 128 random bits as 32 lower-case hex digits (the official
/// clients send 32 or 64 hex digits). The service rejects a nonce it has seen, so every attempt needs one.
/// </summary>
/// <remarks>
/// The bits come from the cryptographic generator, drawn a block at a time per thread: asking it for
/// 16 bytes per request cost more than signing the request (a system call each time, measured).
/// </remarks>
internal static class NonceGenerator
{
    private const int NonceBytes = 16;
    private const int BlockBytes = NonceBytes * 32;
    private const string HexDigits = "0123456789abcdef";

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_used;

    public static string Next()
    {
        byte[]? block = t_block;
        if (block is null || t_used == BlockBytes)
        {
            block ??= t_block = new byte[BlockBytes];
            Fill(block);
            t_used = 0;
        }

        int offset = t_used;
        t_used = offset + NonceBytes;
#if NET8_0_OR_GREATER
        string nonce = string.Create(2 * NonceBytes, (block, offset), static (chars, state) => WriteHex(chars, state.block, state.offset));
#else
        char[] chars = new char[2 * NonceBytes];
        WriteHex(chars, block, offset);
        string nonce = new string(chars);
#endif
        Array.Clear(block, offset, NonceBytes); // handed out once: do not keep it around
        return nonce;
    }

    private static void WriteHex(Span<char> chars, byte[] block, int offset)
    {
        for (int i = 0; i < NonceBytes; i++)
        {
            byte b = block[offset + i];
            chars[2 * i] = HexDigits[b >> 4];
            chars[(2 * i) + 1] = HexDigits[b & 0xF];
        }
    }

    private static void Fill(byte[] block)
    {
#if NET8_0_OR_GREATER
        RandomNumberGenerator.Fill(block);
#else
        using var rng = RandomNumberGenerator.Create();
        rng.GetBytes(block);
#endif
    }
}
