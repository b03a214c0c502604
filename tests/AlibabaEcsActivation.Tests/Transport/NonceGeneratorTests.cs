using System.Collections.Generic;
using AlibabaEcsActivation.Transport;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

public class NonceGeneratorTests
{
    [Fact]
    public void Nonces_are_32_lowercase_hex_digits_and_distinct_across_block_refills()
    {
        var seen = new HashSet<string>();
        for (int i = 0; i < 1000; i++) // 1000 nonces span about 31 refills of the per-thread block
        {
            string nonce = NonceGenerator.Next();
            Assert.Matches("^[0-9a-f]{32}$", nonce);
            Assert.True(seen.Add(nonce));
        }
    }
}
