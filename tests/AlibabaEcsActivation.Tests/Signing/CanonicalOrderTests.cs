using System.Linq;
using AlibabaEcsActivation.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

public class CanonicalOrderTests
{
    [Fact]
    public void TimeToLiveInHours_sorts_before_Timestamp_as_ordinal_order_requires()
    {
        var sorted = new RpcParameters().Set("Timestamp", "t").Set("TimeToLiveInHours", "4").ToSortedArray();

        Assert.Equal(new[] { "TimeToLiveInHours", "Timestamp" }, sorted.Select(p => p.Key));
    }

    [Fact]
    public void Uppercase_sorts_before_lowercase_and_Tag_10_before_Tag_2()
    {
        var sorted = new RpcParameters().Set("b", "1").Set("Tag.2.Key", "k").Set("Tag.10.Key", "k").Set("A", "1").ToSortedArray();

        Assert.Equal(new[] { "A", "Tag.10.Key", "Tag.2.Key", "b" }, sorted.Select(p => p.Key));
    }

    [Fact]
    public void Setting_a_name_twice_keeps_one_parameter_with_the_last_value()
    {
        var parameters = new RpcParameters().Set("RegionId", "cn-hangzhou").Set("RegionId", "cn-beijing");

        Assert.Equal(1, parameters.Count);
        Assert.Equal("cn-beijing", parameters.Get("RegionId"));
    }

    [Fact]
    public void Signing_with_GET_and_POST_gives_different_signatures()
    {
        var parameters = new RpcParameters().Set("Action", "DisableActivation");

        Assert.NotEqual(RpcSigner.Sign("GET", parameters, "s").Signature, RpcSigner.Sign("POST", parameters, "s").Signature);
    }

    [Fact]
    public void Signed_query_string_ends_with_the_encoded_signature()
    {
        SignedRequest signed = RpcSigner.Sign("POST", new RpcParameters().Set("A", "x y"), "secret");

        Assert.StartsWith("A=x%20y&Signature=", signed.QueryString);
        Assert.EndsWith(PercentEncoder.Encode(signed.Signature), signed.QueryString);
    }

    [Fact]
    public void SignedRequest_ToString_hides_the_signature()
    {
        SignedRequest signed = RpcSigner.Sign("POST", new RpcParameters().Set("A", "1"), "secret");

        Assert.DoesNotContain(signed.Signature, signed.ToString());
    }
}
