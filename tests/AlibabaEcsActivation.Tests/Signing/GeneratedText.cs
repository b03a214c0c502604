using System.Globalization;
using System.Text;
using CsCheck;

namespace AlibabaEcsActivation.Tests.Signing;

/// <summary>
/// Text for the signing property tests, built from pieces so that every kind of char the encoding rule
/// tells apart turns up often: unreserved ASCII, the rest of ASCII (reserved, controls, <c>%</c>, <c>+</c>,
/// space), other BMP chars, surrogate pairs (U+10000 to U+10FFFF) and, where asked for, lone surrogates.
/// Also linked into the integration tests, for the signer-against-verifier properties.
/// </summary>
internal static class GeneratedText
{
    public const string UnreservedChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    private static readonly Gen<string> Unreserved = Gen.Char[UnreservedChars].Select(c => c.ToString());
    private static readonly Gen<string> Ascii = Gen.Char['\0', '\x7F'].Select(c => c.ToString());
    private static readonly Gen<string> Bmp = Gen.OneOf(Gen.Char['\u0080', '\uD7FF'], Gen.Char['\uE000', '\uFFFF']).Select(c => c.ToString());
    private static readonly Gen<string> Pair = Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32);
    private static readonly Gen<string> Lone = Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString());

    private static readonly Gen<string> ValidPiece = Gen.Frequency((4, Unreserved), (4, Ascii), (2, Bmp), (2, Pair));
    private static readonly Gen<string> AnyPiece = Gen.Frequency((4, Unreserved), (4, Ascii), (2, Bmp), (2, Pair), (2, Lone));

    /// <summary>Valid UTF-16 of <paramref name="minPieces"/> to <paramref name="maxPieces"/> chars or pairs.</summary>
    public static Gen<string> Valid(int minPieces, int maxPieces) => ValidPiece.Array[minPieces, maxPieces].Select(string.Concat);

    /// <summary>Like <see cref="Valid"/>, with lone surrogates among the pieces (two may meet and make a pair).</summary>
    public static Gen<string> Any(int minPieces, int maxPieces) => AnyPiece.Array[minPieces, maxPieces].Select(string.Concat);

    /// <summary>What a lone surrogate becomes in UTF-8 and back: U+FFFD. Valid text is returned as it is.</summary>
    public static string WithLoneSurrogatesReplaced(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A failing case as a C# literal: printable ASCII as it is, every other code unit as <c>\uXXXX</c>.</summary>
    public static string Show(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            if (c is >= ' ' and <= '~' and not ('"' or '\\'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }
}
