using System;
using AlibabaEcsActivation.Endpoints;
using Xunit;

namespace AlibabaEcsActivation.Tests.Endpoints;

public class EndpointCacheTests
{
    [Theory]
    [InlineData("cn-hangzhou")]
    [InlineData("cn-beijing")]
    [InlineData("eu-west-1-oxs")]
    public void Region_endpoint_is_what_the_resolver_returns(string regionId)
    {
        var cache = new EndpointCache(endpoint: null, allowInsecureHttp: false);

        Assert.Equal(EndpointResolver.Resolve(regionId, null, false), cache.Resolve(regionId));
    }

    [Fact]
    public void Region_endpoint_is_resolved_once()
    {
        var cache = new EndpointCache(endpoint: null, allowInsecureHttp: false);

        Assert.Same(cache.Resolve("cn-beijing"), cache.Resolve("cn-beijing"));
    }

    [Fact]
    public void Override_wins_for_every_region_and_is_parsed_once()
    {
        var cache = new EndpointCache("http://127.0.0.1:8080", allowInsecureHttp: false);

        Uri first = cache.Resolve("cn-beijing");

        Assert.Equal("http://127.0.0.1:8080/", first.AbsoluteUri);
        Assert.Same(first, cache.Resolve("cn-shanghai"));
    }

    [Fact]
    public void Regions_past_the_bound_still_resolve()
    {
        var cache = new EndpointCache(endpoint: null, allowInsecureHttp: false);
        for (int i = 0; i < EndpointCache.MaxRegions; i++)
        {
            cache.Resolve("xx-region-" + i);
        }

        Uri extra = cache.Resolve("cn-extra-1");

        Assert.Equal("https://ecs.cn-extra-1.aliyuncs.com/", extra.AbsoluteUri);
        Assert.NotSame(extra, cache.Resolve("cn-extra-1"));
    }
}
