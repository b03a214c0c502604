using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace AlibabaEcsActivation.Tests.Lifecycle;

public class DescribeActivationsTests
{
    private const string StringTypedPage = """
        {"RequestId":"req-9","NextToken":"","PageNumber":"2","PageSize":"10","TotalCount":"11",
         "ActivationList":[{"ActivationId":"act-1","CreationTime":"2021-01-20T06:00:00Z","DeregisteredCount":"1","Description":"d",
           "Disabled":"false","InstanceCount":"10","InstanceName":"web","IpAddressRange":"0.0.0.0/0","RegisteredCount":"3",
           "TimeToLiveInHours":"4","ResourceGroupId":"rg-1","Tags":[{"TagKey":"team","TagValue":"ops"},{"TagKey":"env","TagValue":""}]}]}
        """;

    [Fact]
    public async Task Describe_sends_page_number_mode_parameters()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Page(null));
        using var client = ecs.CreateClient();

        await client.DescribeActivationsAsync(new DescribeActivationsRequest { PageNumber = 3, PageSize = 50 });

        var sent = Assert.Single(ecs.Requests);
        Assert.Equal(("DescribeActivations", "3", "50"), (sent["Action"], sent["PageNumber"], sent["PageSize"]));
        Assert.False(sent.ContainsKey("MaxResults") || sent.ContainsKey("NextToken"));
    }

    [Fact]
    public async Task Describe_sends_token_mode_parameters()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Page(null));
        using var client = ecs.CreateClient();

        await client.DescribeActivationsAsync(new DescribeActivationsRequest { MaxResults = 20, NextToken = "AAAAAdDWBF2+/=" });

        var sent = Assert.Single(ecs.Requests);
        Assert.Equal(("20", "AAAAAdDWBF2+/="), (sent["MaxResults"], sent["NextToken"]));
        Assert.False(sent.ContainsKey("PageNumber") || sent.ContainsKey("PageSize"));
    }

    [Fact]
    public async Task Describe_sends_every_filter_with_tags_flattened()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Page(null));
        using var client = ecs.CreateClient();

        await client.DescribeActivationsAsync(new DescribeActivationsRequest
        {
            ActivationId = "act-1",
            InstanceName = "web",
            ResourceGroupId = "rg-1",
            Tags = new[] { new Tag("team", "ops"), new Tag("acs:system", null) },
            RegionId = "cn-shanghai",
        });

        var sent = Assert.Single(ecs.Requests);
        Assert.Equal(("act-1", "web", "rg-1", "cn-shanghai"), (sent["ActivationId"], sent["InstanceName"], sent["ResourceGroupId"], sent["RegionId"]));
        Assert.Equal(("team", "ops", "acs:system"), (sent["Tag.1.Key"], sent["Tag.1.Value"], sent["Tag.2.Key"]));
        Assert.False(sent.ContainsKey("Tag.2.Value"));
    }

    public static IEnumerable<object[]> MixedPaging() => new[]
    {
        new object[] { new DescribeActivationsRequest { PageNumber = 1, MaxResults = 10 } },
        new object[] { new DescribeActivationsRequest { PageSize = 10, NextToken = "t" } },
        new object[] { new DescribeActivationsRequest { PageNumber = 2, PageSize = 10, MaxResults = 10, NextToken = "t" } },
    };

    [Theory]
    [MemberData(nameof(MixedPaging))]
    public void Describe_rejects_mixing_the_two_paging_modes_before_any_io(DescribeActivationsRequest request)
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Page(null));
        using var client = ecs.CreateClient();

        var e = Assert.Throws<ArgumentException>(() => { _ = client.DescribeActivationsAsync(request); });

        Assert.Contains("paging modes", e.Message, StringComparison.Ordinal);
        Assert.Empty(ecs.Requests);
    }

    public static IEnumerable<object[]> InvalidFilters() => new[]
    {
        new object[] { new DescribeActivationsRequest { PageNumber = 0 } },
        new object[] { new DescribeActivationsRequest { PageSize = -1 } },
        new object[] { new DescribeActivationsRequest { MaxResults = 0 } },
        new object[] { new DescribeActivationsRequest { NextToken = "" } },
        new object[] { new DescribeActivationsRequest { ActivationId = " " } },
        new object[] { new DescribeActivationsRequest { Tags = new[] { new Tag("", "v") } } },
        new object[] { new DescribeActivationsRequest { Tags = Enumerable.Range(0, 21).Select(i => new Tag("k" + i, null)).ToList() } },
    };

    [Theory]
    [MemberData(nameof(InvalidFilters))]
    public void Describe_rejects_invalid_counts_and_filters_before_any_io(DescribeActivationsRequest request)
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Page(null));
        using var client = ecs.CreateClient();

        Assert.ThrowsAny<ArgumentException>(() => { _ = client.DescribeActivationsAsync(request); });

        Assert.Empty(ecs.Requests);
    }

    [Fact]
    public async Task Describe_reads_string_typed_numbers_booleans_and_paging_fields()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(StringTypedPage));
        using var client = ecs.CreateClient();

        DescribeActivationsResponse page = await client.DescribeActivationsAsync(new DescribeActivationsRequest { PageNumber = 2 });

        Assert.Equal(("req-9", 2, 10, 11, ""), (page.RequestId, page.PageNumber, page.PageSize, page.TotalCount, page.NextToken));
        Activation a = Assert.Single(page.ActivationList);
        Assert.Equal(("act-1", false, 10, 3, 1, 4L), (a.ActivationId, a.Disabled, a.InstanceCount, a.RegisteredCount, a.DeregisteredCount, a.TimeToLiveInHours));
        Assert.Equal(new DateTimeOffset(2021, 1, 20, 6, 0, 0, TimeSpan.Zero), a.CreationTime);
        Assert.Equal("rg-1", a.ResourceGroupId);
    }

    [Fact]
    public async Task Describe_reads_response_tags_from_TagKey_and_TagValue()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(StringTypedPage));
        using var client = ecs.CreateClient();

        DescribeActivationsResponse page = await client.DescribeActivationsAsync(new DescribeActivationsRequest());

        var tags = Assert.Single(page.ActivationList).Tags;
        Assert.Equal(new[] { ("team", "ops"), ("env", "") }, tags.Select(t => (t.Key, t.Value ?? "(null)")));
    }

    [Fact]
    public async Task Describe_returns_an_empty_list_when_the_service_omits_it()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json("""{"RequestId":"r","TotalCount":0}"""));
        using var client = ecs.CreateClient();

        DescribeActivationsResponse page = await client.DescribeActivationsAsync(new DescribeActivationsRequest());

        Assert.Empty(page.ActivationList);
    }

    [Fact]
    public async Task Describe_reports_an_object_wrapped_list_as_an_invalid_response()
    {
        // The official runtime rejects {"Tags":{"Tag":[...]}}; so do we, rather than read it as no tags.
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json("""{"RequestId":"r","ActivationList":{"Activation":[]}}"""));
        using var client = ecs.CreateClient();

        await Assert.ThrowsAsync<EcsInvalidResponseException>(() => client.DescribeActivationsAsync(new DescribeActivationsRequest()));
    }
}
