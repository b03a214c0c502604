using System;
using System.Buffers;
using System.Text;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// RFC 3986 percent-encoding as Alibaba Cloud's RPC signer does it: UTF-8 bytes, upper-case hex,
/// and only <c>A-Z a-z 0-9 - _ . ~</c> left alone. Space is <c>%20</c> (never <c>+</c>) and
/// <c>*</c> is <c>%2A</c>, which is where <c>HttpUtility.UrlEncode</c> and friends go wrong.
/// </summary>
/// <remarks>
/// The signer writes into pooled <c>char[]</c> buffers sized with <see cref="MaxEncodedLength"/>, so
/// signing a request allocates only its results; the <see cref="StringBuilder"/> overloads are for
/// the rare paths (diagnostics, tests).
/// </remarks>
internal static class PercentEncoder
{
    private const string HexDigits = "0123456789ABCDEF";

    // One lookup per char instead of eight comparisons: the signer encodes every char of every request twice.
    private static readonly bool[] Unreserved = BuildUnreservedTable();

    public static bool IsUnreserved(char c) => c < 0x80 && Unreserved[c];

#if NET8_0_OR_GREATER
    // Vectorized search for the next char to encode.
    private static readonly SearchValues<char> UnreservedChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");
#endif

    /// <summary>
    /// The most chars encoding <paramref name="length"/> chars can produce: a char is at most 3 UTF-8
    /// bytes (a surrogate pair is 4 bytes for 2 chars), each byte <c>%XX</c>, or <c>%25XX</c> when encoded twice.
    /// </summary>
    public static int MaxEncodedLength(int length, bool twice) => length * (twice ? 15 : 9);

    /// <summary>Appends the encoded form of <paramref name="value"/> to <paramref name="builder"/>.</summary>
    public static void Append(StringBuilder builder, string value) => Append(builder, value, twice: false);

    /// <summary>
    /// Appends the encoding of the encoding of <paramref name="value"/>: what the string-to-sign holds.
    /// Done in one pass: every <c>%</c> the first encoding writes becomes <c>%25</c>.
    /// </summary>
    public static void AppendTwice(StringBuilder builder, string value) => Append(builder, value, twice: true);

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 16);
        Append(builder, value);
        return builder.ToString();
    }

    /// <summary>
    /// Writes the encoding (or, with <paramref name="twice"/>, the double encoding) of
    /// <paramref name="value"/> at <paramref name="position"/>; returns the position after it.
    /// <paramref name="destination"/> must have <see cref="MaxEncodedLength"/> chars free.
    /// </summary>
    public static int Write(char[] destination, int position, ReadOnlySpan<char> value, bool twice)
    {
        int index = 0;
        while (index < value.Length)
        {
            // Copy the run of unreserved chars (usually the whole value) in one go.
            int reserved = IndexOfReserved(value, index);
            int run = (reserved < 0 ? value.Length : reserved) - index;
            value.Slice(index, run).CopyTo(destination.AsSpan(position));
            position += run;
            if (reserved < 0)
            {
                break;
            }

            char c = value[reserved];
            index = reserved;
            position = c < 0x80
                ? WriteByte(destination, position, (byte)c, twice)
                : WriteNonAscii(destination, position, value, ref index, twice);
            index++;
        }

        return position;
    }

    /// <summary>The index of the first char at or after <paramref name="start"/> that must be encoded; -1 if none.</summary>
    private static int IndexOfReserved(ReadOnlySpan<char> value, int start)
    {
#if NET8_0_OR_GREATER
        int found = value.Slice(start).IndexOfAnyExcept(UnreservedChars);
        return found < 0 ? -1 : start + found;
#else
        for (int i = start; i < value.Length; i++)
        {
            if (!IsUnreserved(value[i]))
            {
                return i;
            }
        }

        return -1;
#endif
    }

    private static bool[] BuildUnreservedTable()
    {
        var table = new bool[0x80];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
        }

        return table;
    }

    private static void Append(StringBuilder builder, string value, bool twice)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(MaxEncodedLength(value.Length, twice));
        int length = Write(buffer, 0, value, twice);
        builder.Append(buffer, 0, length);
        Array.Clear(buffer, 0, length); // values include security tokens
        ArrayPool<char>.Shared.Return(buffer);
    }

    /// <summary>UTF-8 by hand, exactly as <see cref="Encoding.UTF8"/> does it: a lone surrogate becomes U+FFFD.</summary>
    private static int WriteNonAscii(char[] destination, int position, ReadOnlySpan<char> value, ref int index, bool twice)
    {
        char c = value[index];
        int codePoint;
        if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
        {
            codePoint = char.ConvertToUtf32(c, value[index + 1]);
            index++;
        }
        else
        {
            codePoint = char.IsSurrogate(c) ? 0xFFFD : c;
        }

        if (codePoint < 0x800)
        {
            position = WriteByte(destination, position, (byte)(0xC0 | (codePoint >> 6)), twice);
        }
        else if (codePoint < 0x10000)
        {
            position = WriteByte(destination, position, (byte)(0xE0 | (codePoint >> 12)), twice);
            position = WriteByte(destination, position, (byte)(0x80 | ((codePoint >> 6) & 0x3F)), twice);
        }
        else
        {
            position = WriteByte(destination, position, (byte)(0xF0 | (codePoint >> 18)), twice);
            position = WriteByte(destination, position, (byte)(0x80 | ((codePoint >> 12) & 0x3F)), twice);
            position = WriteByte(destination, position, (byte)(0x80 | ((codePoint >> 6) & 0x3F)), twice);
        }

        return WriteByte(destination, position, (byte)(0x80 | (codePoint & 0x3F)), twice);
    }

    private static int WriteByte(char[] destination, int position, byte b, bool twice)
    {
        destination[position++] = '%';
        if (twice)
        {
            destination[position++] = '2';
            destination[position++] = '5';
        }

        destination[position++] = HexDigits[b >> 4];
        destination[position++] = HexDigits[b & 0xF];
        return position;
    }
}
