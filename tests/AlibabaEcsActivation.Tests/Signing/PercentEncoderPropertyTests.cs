using System;
using System.Globalization;
using System.Text;
using AlibabaEcsActivation.Signing;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace AlibabaEcsActivation.Tests.Signing;

/// <summary>
/// <see cref="PercentEncoder"/> on generated text against two oracles: <c>Uri.EscapeDataString</c>, and
/// Alibaba's rule written out (RFC 3986 unreserved <c>A-Z a-z 0-9 - _ . ~</c> kept, every other UTF-8 byte
/// <c>%XX</c> in upper-case hex). A failure prints the shrunk text and a seed; set <c>CsCheck_Seed</c> to it to replay.
/// </summary>
/// <remarks>
/// A lone surrogate (a UTF-16 code unit D800-DFFF without its partner) is no character and has no UTF-8.
/// Both sides write it as U+FFFD, <c>%EF%BF%BD</c>: the encoder by design, <c>Uri.EscapeDataString</c> on
/// .NET 10, and Alibaba's own .NET signer too, whose <c>AcsURLEncoder.PercentEncode</c> encodes
/// <c>Encoding.UTF8.GetBytes(value)</c>. So the signature still matches what the service decodes, and the
/// service receives U+FFFD in place of the lone surrogate. The rule oracle below gets U+FFFD the same way.
/// </remarks>
public sealed class PercentEncoderPropertyTests(ITestOutputHelper output)
{
    private const int Iterations = 20_000;

    private static readonly Gen<string> Text = GeneratedText.Any(0, 24);

    [Fact]
    public void Encodes_as_Uri_EscapeDataString_does()
    {
        Text.Sample(
            text => Assert.Equal(Uri.EscapeDataString(text), PercentEncoder.Encode(text)),
            output.WriteLine, iter: Iterations, print: GeneratedText.Show);
    }

    [Fact]
    public void Encodes_by_Alibabas_rule()
    {
        Text.Sample(
            text => Assert.Equal(ByTheRule(text), PercentEncoder.Encode(text)),
            output.WriteLine, iter: Iterations, print: GeneratedText.Show);
    }

    [Fact]
    public void Decodes_back_to_the_text_with_each_lone_surrogate_as_U_FFFD()
    {
        Text.Sample(
            text => Assert.Equal(GeneratedText.WithLoneSurrogatesReplaced(text), Uri.UnescapeDataString(PercentEncoder.Encode(text))),
            output.WriteLine, iter: Iterations, print: GeneratedText.Show);
    }

    [Fact]
    public void Lone_surrogates_are_generated_and_encoded_as_U_FFFD()
    {
        // The properties above are only as good as the text they get: make sure it holds lone surrogates.
        Assert.Contains(Text.Array[200].Single(), t => t != GeneratedText.WithLoneSurrogatesReplaced(t));
        Assert.Equal("a%EF%BF%BDb%EF%BF%BD", PercentEncoder.Encode("a\uDC00b\uD800"));
    }

    /// <summary>The rule as stated, over the bytes <c>Encoding.UTF8</c> gives (a lone surrogate is EF BF BD there).</summary>
    private static string ByTheRule(string text)
    {
        var builder = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            if (b < 0x80 && GeneratedText.UnreservedChars.Contains((char)b, StringComparison.Ordinal))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
