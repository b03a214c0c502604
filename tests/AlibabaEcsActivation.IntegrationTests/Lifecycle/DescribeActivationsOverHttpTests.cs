using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Lifecycle;

/// <summary>DescribeActivations end to end: both paging modes to the last page, the lazy walk, filters.</summary>
public class DescribeActivationsOverHttpTests : LoopbackEmulatorTest
{
    public DescribeActivationsOverHttpTests()
    {
        Emulator.Activations.Remove("cn-hangzhou", SeededId);
    }

    [Fact]
    public async Task Numbered_pages_reach_the_last_page_with_a_meaningful_TotalCount()
    {
        IReadOnlyList<string> ids = ActivationSeeds.Add(Emulator, 23);
        using var client = CreateClient();

        var pages = new List<DescribeActivationsResponse>();
        for (int number = 1; number <= 4; number++)
        {
            pages.Add(await client.DescribeActivationsAsync(new DescribeActivationsRequest { PageNumber = number, PageSize = 10 }));
        }

        Assert.Equal(new[] { 10, 10, 3, 0 }, pages.Select(p => p.ActivationList.Count));
        Assert.All(pages, p => Assert.Equal((23, 10), (p.TotalCount, p.PageSize)));
        Assert.Equal(new[] { 1, 2, 3, 4 }, pages.Select(p => p.PageNumber));
        Assert.Equal(ids, pages.SelectMany(p => p.ActivationList).Select(a => a.ActivationId));
    }

    [Fact]
    public async Task Token_pages_reach_the_last_page_which_has_no_NextToken()
    {
        IReadOnlyList<string> ids = ActivationSeeds.Add(Emulator, 23);
        using var client = CreateClient();

        var pages = new List<DescribeActivationsResponse> { await client.DescribeActivationsAsync(new DescribeActivationsRequest { MaxResults = 10 }) };
        while (!string.IsNullOrEmpty(pages[^1].NextToken))
        {
            pages.Add(await client.DescribeActivationsAsync(new DescribeActivationsRequest { MaxResults = 10, NextToken = pages[^1].NextToken }));
        }

        Assert.Equal(new[] { 10, 10, 3 }, pages.Select(p => p.ActivationList.Count));
        Assert.Equal(ids, pages.SelectMany(p => p.ActivationList).Select(a => a.ActivationId));
    }

    [Fact]
    public async Task Without_paging_fields_the_first_page_holds_the_default_ten()
    {
        ActivationSeeds.Add(Emulator, 12);
        using var client = CreateClient();

        DescribeActivationsResponse page = await client.DescribeActivationsAsync(new DescribeActivationsRequest());

        Assert.Equal((10, 12, 1), (page.ActivationList.Count, page.TotalCount, page.PageNumber));
    }

    [Fact]
    public async Task Walk_returns_every_code_once_one_request_per_page()
    {
        IReadOnlyList<string> ids = ActivationSeeds.Add(Emulator, 12);
        using var client = CreateClient();

        var walked = new List<string>();
        await foreach (Activation a in client.DescribeAllActivationsAsync(new DescribeActivationsRequest { MaxResults = 5 }))
        {
            walked.Add(a.ActivationId!);
        }

        Assert.Equal(ids, walked);
        Assert.Equal(3, Emulator.Requests.Snapshot().Count);
    }

    [Fact]
    public async Task Cancelling_after_the_first_page_stops_the_walk_before_the_next_request()
    {
        ActivationSeeds.Add(Emulator, 6);
        using var client = CreateClient();
        using var cancel = new CancellationTokenSource();
        await using IAsyncEnumerator<Activation> walk = client
            .DescribeAllActivationsAsync(new DescribeActivationsRequest { MaxResults = 3 }, cancel.Token)
            .GetAsyncEnumerator();
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await walk.MoveNextAsync());
        }

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(async () => await walk.MoveNextAsync());
        Assert.Single(Emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task Filter_by_ActivationId_returns_that_code_only()
    {
        IReadOnlyList<string> ids = ActivationSeeds.Add(Emulator, 3);
        using var client = CreateClient();

        DescribeActivationsResponse page = await client.DescribeActivationsAsync(new DescribeActivationsRequest { ActivationId = ids[1] });

        Assert.Equal(ids[1], Assert.Single(page.ActivationList).ActivationId);
    }

    [Fact]
    public async Task Filter_by_InstanceName_matches_the_whole_name_not_a_prefix()
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("a") with { InstanceName = "rack" });
        Emulator.Activations.Put(ActivationSeeds.Unused("b") with { InstanceName = "rack12" });
        using var client = CreateClient();

        DescribeActivationsResponse page = await client.DescribeActivationsAsync(new DescribeActivationsRequest { InstanceName = "rack" });

        Assert.Equal("a", Assert.Single(page.ActivationList).ActivationId);
    }

    [Fact]
    public async Task Filter_by_ResourceGroupId_returns_the_group_members()
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("a") with { ResourceGroupId = "rg-one" });
        Emulator.Activations.Put(ActivationSeeds.Unused("b") with { ResourceGroupId = "rg-two" });
        using var client = CreateClient();

        DescribeActivationsResponse page = await client.DescribeActivationsAsync(new DescribeActivationsRequest { ResourceGroupId = "rg-two" });

        Assert.Equal("b", Assert.Single(page.ActivationList).ActivationId);
    }

    [Fact]
    public async Task Filter_by_tags_needs_every_tag_and_a_key_alone_matches_any_value()
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("a") with { Tags = [new("team", "ops"), new("env", "prod")] });
        Emulator.Activations.Put(ActivationSeeds.Unused("b") with { Tags = [new("team", "ops")] });
        Emulator.Activations.Put(ActivationSeeds.Unused("c") with { Tags = [new("team", "dev"), new("env", "test")] });
        using var client = CreateClient();

        DescribeActivationsResponse both = await client.DescribeActivationsAsync(new DescribeActivationsRequest { Tags = new[] { new Tag("team", "ops"), new Tag("env", null) } });
        DescribeActivationsResponse keyOnly = await client.DescribeActivationsAsync(new DescribeActivationsRequest { Tags = new[] { new Tag("env", null) } });

        Assert.Equal("a", Assert.Single(both.ActivationList).ActivationId);
        Assert.Equal(new[] { "a", "c" }, keyOnly.ActivationList.Select(a => a.ActivationId));
    }

    [Fact]
    public async Task Walk_applies_the_filters_on_every_page()
    {
        ActivationSeeds.Add(Emulator, 7, "x", a => a with { InstanceName = "wanted" });
        ActivationSeeds.Add(Emulator, 7, "y");
        using var client = CreateClient();

        var walked = new List<Activation>();
        await foreach (Activation a in client.DescribeAllActivationsAsync(new DescribeActivationsRequest { InstanceName = "wanted", MaxResults = 2 }))
        {
            walked.Add(a);
        }

        Assert.Equal(7, walked.Count);
        Assert.All(walked, a => Assert.Equal("wanted", a.InstanceName));
    }

    [Fact]
    public async Task Listed_codes_carry_every_documented_field()
    {
        Emulator.Activations.Put(EmulatedActivation.DocumentedExample with { ResourceGroupId = "rg-123", Disabled = true });
        using var client = CreateClient();

        Activation a = Assert.Single((await client.DescribeActivationsAsync(new DescribeActivationsRequest())).ActivationList);

        Assert.Equal(
            (SeededId, true, "test-InstanceName", "This is description.", 1, 1, 1, 4L, "0.0.0.0/0", "rg-123"),
            (a.ActivationId, a.Disabled, a.InstanceName, a.Description, a.InstanceCount, a.RegisteredCount, a.DeregisteredCount, a.TimeToLiveInHours, a.IpAddressRange, a.ResourceGroupId));
        Assert.Equal(EmulatedActivation.DocumentedExample.CreationTime, a.CreationTime);
    }
}
