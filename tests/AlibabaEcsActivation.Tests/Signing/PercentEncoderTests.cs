using AlibabaEcsActivation.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

public class PercentEncoderTests
{
    [Theory]
    [InlineData(" ", "%20")]
    [InlineData("*", "%2A")]
    [InlineData("~", "~")]
    [InlineData("+", "%2B")]
    [InlineData("/", "%2F")]
    [InlineData("=", "%3D")]
    [InlineData("&", "%26")]
    [InlineData("%", "%25")]
    [InlineData("!'()", "%21%27%28%29")]
    [InlineData("\n\t", "%0A%09")]
    [InlineData("测", "%E6%B5%8B")]
    [InlineData("🚀", "%F0%9F%9A%80")]
    [InlineData("é", "%C3%A9")]
    [InlineData("AZaz09-_.", "AZaz09-_.")]
    public void Encodes_like_the_official_signer(string raw, string expected)
    {
        Assert.Equal(expected, PercentEncoder.Encode(raw));
    }

    [Fact]
    public void Uses_uppercase_hex()
    {
        Assert.Equal("%3A%2C%3B", PercentEncoder.Encode(":,;"));
    }

    [Fact]
    public void Double_encoding_turns_every_percent_into_percent_25()
    {
        var builder = new System.Text.StringBuilder();
        PercentEncoder.AppendTwice(builder, "a*b c");
        Assert.Equal("a%252Ab%2520c", builder.ToString());
    }
}
