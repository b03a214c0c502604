using System.Collections.Generic;
using AlibabaEcsActivation.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

public class SignatureNonceTests
{
    [Fact]
    public void Nonces_are_32_lowercase_hex_digits_and_distinct()
    {
        var seen = new HashSet<string>();
        for (int i = 0; i < 1000; i++)
        {
            string nonce = SignatureNonce.Next();
            Assert.Matches("^[0-9a-f]{32}$", nonce);
            Assert.True(seen.Add(nonce));
        }
    }
}
