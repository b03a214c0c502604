using System;
using System.Security.Cryptography;
using System.Text;
using AlibabaEcsActivation.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

public class RpcHmacTests
{
    [Theory]
    [InlineData("secret", "POST&%2F&A%3Db")]
    [InlineData("another secret", "POST&%2F&A%3Db")] // a new secret keys anew: nothing carries over
    [InlineData("密钥+/=", "GET&%2F&")]
    public void Is_the_platform_HMAC_SHA1_keyed_with_the_secret_and_an_ampersand(string secret, string stringToSign)
    {
        byte[] data = Encoding.UTF8.GetBytes(stringToSign);
        byte[] mac = new byte[RpcHmac.MacLength];

        RpcHmac.Compute(secret, data, data.Length, mac);

        Assert.Equal(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), data), mac);
    }

    [Fact]
    public void Only_the_given_length_of_the_buffer_is_hashed()
    {
        byte[] data = Encoding.UTF8.GetBytes("POST&%2F&A%3Db and bytes past the end");
        byte[] mac = new byte[RpcHmac.MacLength];

        RpcHmac.Compute("secret", data, 14, mac);

        Assert.Equal(HMACSHA1.HashData(Encoding.UTF8.GetBytes("secret&"), data.AsSpan(0, 14)), mac);
    }
}
