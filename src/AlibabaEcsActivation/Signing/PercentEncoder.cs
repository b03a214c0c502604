using System;
using System.Text;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// RFC 3986 percent-encoding as Alibaba Cloud's RPC signer does it: UTF-8 bytes, upper-case hex,
/// and only <c>A-Z a-z 0-9 - _ . ~</c> left alone. Space is <c>%20</c> (never <c>+</c>) and
/// <c>*</c> is <c>%2A</c>, which is where <c>HttpUtility.UrlEncode</c> and friends go wrong.
/// </summary>
internal static class PercentEncoder
{
    private const string HexDigits = "0123456789ABCDEF";

    public static bool IsUnreserved(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '.' || c == '~';

    /// <summary>Appends the encoded form of <paramref name="value"/> to <paramref name="builder"/>.</summary>
    public static void Append(StringBuilder builder, string value) => Append(builder, value, doubleEncode: false);

    /// <summary>
    /// Appends the encoding of the encoding of <paramref name="value"/>: what the string-to-sign holds.
    /// Done in one pass: every <c>%</c> the first encoding writes becomes <c>%25</c>.
    /// </summary>
    public static void AppendTwice(StringBuilder builder, string value) => Append(builder, value, doubleEncode: true);

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 16);
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string value, bool doubleEncode)
    {
        string percent = doubleEncode ? "%25" : "%";
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (IsUnreserved(c))
            {
                builder.Append(c);
            }
            else if (c < 0x80)
            {
                AppendByte(builder, percent, (byte)c);
            }
            else
            {
                AppendNonAscii(builder, percent, value, ref i);
            }
        }
    }

    private static void AppendNonAscii(StringBuilder builder, string percent, string value, ref int index)
    {
        // A surrogate pair is one code point: encode both chars together.
        int length = char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]) ? 2 : 1;
        byte[] bytes = Encoding.UTF8.GetBytes(value.ToCharArray(index, length));
        foreach (byte b in bytes)
        {
            AppendByte(builder, percent, b);
        }

        index += length - 1;
    }

    private static void AppendByte(StringBuilder builder, string percent, byte b)
    {
        builder.Append(percent);
        builder.Append(HexDigits[b >> 4]);
        builder.Append(HexDigits[b & 0xF]);
    }
}
