using System;
using System.Security.Cryptography;
using System.Text;
using AlibabaEcsActivation.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

public class PerThreadHmacTests
{
    [Fact]
    public void Switching_secrets_on_one_thread_rekeys_every_time()
    {
        byte[] data = Encoding.UTF8.GetBytes("POST&%2F&AccessKeyId%3Dtestid%26Action%3DDisableActivation");
        string[] secrets = { "secret-a", "secret-b", "secret-a", "sécret-ü", "secret-a" };

        foreach (string secret in secrets)
        {
            Assert.Equal(Reference(secret, data), Compute(secret, data));
        }
    }

    [Fact]
    public void An_equal_secret_in_another_string_instance_gives_the_same_mac()
    {
        byte[] data = Encoding.UTF8.GetBytes("GET&%2F&A%3D1");
        string secret = "secret-" + Environment.ProcessorCount.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
        string copy = new string(secret.AsSpan());

        Assert.Equal(Compute(secret, data), Compute(copy, data));
        Assert.Equal(Reference(copy, data), Compute(copy, data));
    }

    [Fact]
    public void Only_the_given_length_of_the_buffer_is_hashed()
    {
        byte[] data = Encoding.UTF8.GetBytes("GET&%2F&A%3D1");
        byte[] padded = new byte[data.Length + 16];
        data.CopyTo(padded, 0);
        padded.AsSpan(data.Length).Fill((byte)'x');

        byte[] mac = new byte[PerThreadHmac.MacLength];
        PerThreadHmac.Compute("s", padded, data.Length, mac);

        Assert.Equal(Reference("s", data), mac);
    }

    private static byte[] Compute(string secret, byte[] data)
    {
        byte[] mac = new byte[PerThreadHmac.MacLength];
        PerThreadHmac.Compute(secret, data, data.Length, mac);
        return mac;
    }

#pragma warning disable CA5350 // RPC v1 is HMAC-SHA1 by specification.
    private static byte[] Reference(string secret, byte[] data) => HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), data);
#pragma warning restore CA5350
}
