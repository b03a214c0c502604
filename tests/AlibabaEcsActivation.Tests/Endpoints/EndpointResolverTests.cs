using System;
using AlibabaEcsActivation.Endpoints;
using Xunit;

namespace AlibabaEcsActivation.Tests.Endpoints;

public class EndpointResolverTests
{
    [Theory]
    [InlineData("cn-hangzhou", "ecs-cn-hangzhou.aliyuncs.com")]
    [InlineData("cn-beijing", "ecs.cn-beijing.aliyuncs.com")]
    [InlineData("ap-southeast-1", "ecs.ap-southeast-1.aliyuncs.com")]
    [InlineData("us-east-1", "ecs.us-east-1.aliyuncs.com")]
    [InlineData("cn-shanghai-finance-1", "ecs-cn-hangzhou.aliyuncs.com")]
    [InlineData("cn-wuhan", "ecs.aliyuncs.com")]
    [InlineData("cn-zhangjiakou-na62-a01", "ecs.cn-zhangjiakou.aliyuncs.com")]
    public void Region_resolves_to_the_official_host(string region, string host)
    {
        Assert.Equal(new Uri("https://" + host + "/"), EndpointResolver.Resolve(region, null, allowInsecureHttp: false));
    }

    [Fact]
    public void Bare_host_endpoint_means_https()
    {
        Assert.Equal(new Uri("https://ecs-vpc.cn-beijing.aliyuncs.com/"), EndpointResolver.Resolve("cn-beijing", "ecs-vpc.cn-beijing.aliyuncs.com", false));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080")]
    public void Plain_http_is_allowed_for_loopback(string endpoint)
    {
        Assert.Equal("http", EndpointResolver.Resolve("cn-hangzhou", endpoint, false).Scheme);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_needs_the_opt_in()
    {
        Assert.Throws<ArgumentException>(() => EndpointResolver.Resolve("cn-hangzhou", "http://10.1.2.3:8080", false));
        Assert.Equal("http", EndpointResolver.Resolve("cn-hangzhou", "http://10.1.2.3:8080", true).Scheme);
    }

    [Theory]
    [InlineData("ftp://ecs.aliyuncs.com")]
    [InlineData("https://user:pass@ecs.aliyuncs.com")]
    [InlineData("https://ecs.aliyuncs.com/path")]
    [InlineData("https://")]
    public void Malformed_endpoints_are_rejected(string endpoint)
    {
        Assert.Throws<ArgumentException>(() => EndpointResolver.Resolve("cn-hangzhou", endpoint, true));
    }

    [Fact]
    public void Sixteen_supported_regions_are_listed_and_include_cn_hangzhou()
    {
        Assert.Equal(16, SupportedRegions.All.Count);
        Assert.Contains("cn-hangzhou", SupportedRegions.All);
    }
}
