using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AlibabaEcsActivation.Tests.Lifecycle;

public class DescribeAllActivationsTests
{
    /// <summary>Three pages: a1,a2 → a3 → a4 (last page has an empty NextToken).</summary>
    private static HttpResponseMessage ThreePages(IReadOnlyDictionary<string, string> request) =>
        request.GetValueOrDefault("NextToken") switch
        {
            null => FakeEcsService.Page("t1", ("a1", false), ("a2", true)),
            "t1" => FakeEcsService.Page("t2", ("a3", false)),
            "t2" => FakeEcsService.Page("", ("a4", false)),
            var other => throw new InvalidOperationException("unexpected token " + other),
        };

    [Fact]
    public async Task Walk_reads_every_page_through_the_last_one()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();

        var ids = new List<string?>();
        await foreach (Activation a in client.DescribeAllActivationsAsync())
        {
            ids.Add(a.ActivationId);
        }

        Assert.Equal(new[] { "a1", "a2", "a3", "a4" }, ids);
        Assert.Equal(new[] { "(none)", "t1", "t2" }, ecs.Requests.Select(r => r.GetValueOrDefault("NextToken") ?? "(none)"));
    }

    [Fact]
    public async Task Walk_stops_when_the_service_returns_no_next_token()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Page(null, ("only", false)));
        using var client = ecs.CreateClient();

        var all = await ToListAsync(client.DescribeAllActivationsAsync());

        Assert.Single(all);
        Assert.Single(ecs.Requests);
    }

    [Fact]
    public async Task Walk_uses_token_mode_with_50_per_page_unless_told_otherwise()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();

        await ToListAsync(client.DescribeAllActivationsAsync());
        await ToListAsync(client.DescribeAllActivationsAsync(new DescribeActivationsRequest { MaxResults = 7 }));

        Assert.All(ecs.Requests.Take(3), r => Assert.Equal("50", r["MaxResults"]));
        Assert.All(ecs.Requests.Skip(3), r => Assert.Equal("7", r["MaxResults"]));
        Assert.All(ecs.Requests, r => Assert.False(r.ContainsKey("PageNumber")));
    }

    [Fact]
    public async Task Walk_sends_the_filters_on_every_page()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();

        await ToListAsync(client.DescribeAllActivationsAsync(new DescribeActivationsRequest { InstanceName = "web", Tags = new[] { new Tag("team", "ops") } }));

        Assert.Equal(3, ecs.Requests.Count);
        Assert.All(ecs.Requests, r => Assert.Equal(("web", "team", "ops"), (r["InstanceName"], r["Tag.1.Key"], r["Tag.1.Value"])));
    }

    [Fact]
    public async Task Walk_requests_a_page_only_when_the_previous_one_is_consumed()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();

        IAsyncEnumerable<Activation> all = client.DescribeAllActivationsAsync();
        Assert.Empty(ecs.Requests);

        await using IAsyncEnumerator<Activation> e = all.GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());
        Assert.True(await e.MoveNextAsync());
        Assert.Single(ecs.Requests);

        Assert.True(await e.MoveNextAsync());
        Assert.Equal(2, ecs.Requests.Count);
    }

    [Fact]
    public async Task Each_enumeration_lists_afresh()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();
        ActivationPageable all = client.DescribeAllActivationsAsync();

        var first = await ToListAsync(all);
        var second = await ToListAsync(all);

        Assert.Equal(new[] { "a1", "a2", "a3", "a4" }, second.Select(a => a.ActivationId));
        Assert.Equal(first.Select(a => a.ActivationId), second.Select(a => a.ActivationId));
        Assert.Equal(new[] { "(none)", "t1", "t2", "(none)", "t1", "t2" }, ecs.Requests.Select(r => r.GetValueOrDefault("NextToken") ?? "(none)"));
    }

    [Fact]
    public async Task Each_enumeration_of_the_pages_lists_afresh_too()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();
        IAsyncEnumerable<DescribeActivationsResponse> pages = client.DescribeAllActivationsAsync().AsPages();

        Assert.Equal(3, (await ToListAsync(pages)).Count);
        Assert.Equal(3, (await ToListAsync(pages)).Count);

        Assert.Equal(6, ecs.Requests.Count);
    }

    [Fact]
    public async Task Pages_carry_their_codes_and_the_token_of_the_pages_after_them()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();

        var pages = await ToListAsync(client.DescribeAllActivationsAsync(new DescribeActivationsRequest { MaxResults = 2 }).AsPages());

        Assert.Equal(new[] { "t1", "t2", "" }, pages.Select(p => p.NextToken));
        Assert.Equal(new[] { 2, 1, 1 }, pages.Select(p => p.ActivationList.Count));
        Assert.All(ecs.Requests, r => Assert.Equal("2", r["MaxResults"]));
    }

    [Fact]
    public async Task A_stopped_listing_resumes_from_its_token_exactly_where_it_stopped()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();
        var filter = new DescribeActivationsRequest { InstanceName = "web", MaxResults = 2 };

        string? saved = null;
        var seen = new List<string?>();
        await foreach (DescribeActivationsResponse page in client.DescribeAllActivationsAsync(filter).AsPages())
        {
            seen.AddRange(page.ActivationList.Select(a => a.ActivationId));
            saved = page.NextToken;
            break; // stop after the first page, as a job that is interrupted would
        }

        // Later, with a fresh listing of the same filter: the pages after the saved token, and nothing else.
        await foreach (DescribeActivationsResponse page in client.DescribeAllActivationsAsync(filter).AsPages(saved))
        {
            seen.AddRange(page.ActivationList.Select(a => a.ActivationId));
        }

        Assert.Equal(new[] { "a1", "a2", "a3", "a4" }, seen);
        Assert.Equal(new[] { "(none)", "t1", "t2" }, ecs.Requests.Select(r => r.GetValueOrDefault("NextToken") ?? "(none)"));
        Assert.All(ecs.Requests, r => Assert.Equal(("web", "2"), (r["InstanceName"], r["MaxResults"])));
    }

    [Fact]
    public async Task The_request_NextToken_is_where_every_enumeration_starts()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();
        ActivationPageable rest = client.DescribeAllActivationsAsync(new DescribeActivationsRequest { NextToken = "t1" });

        Assert.Equal(new[] { "a3", "a4" }, (await ToListAsync(rest)).Select(a => a.ActivationId));
        Assert.Equal(new[] { "a3", "a4" }, (await ToListAsync(rest)).Select(a => a.ActivationId));

        Assert.Equal(new[] { "t1", "t2", "t1", "t2" }, ecs.Requests.Select(r => r["NextToken"]));
    }

    [Fact]
    public async Task The_last_pages_empty_token_resumes_to_nothing_without_a_call()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();

        var pages = await ToListAsync(client.DescribeAllActivationsAsync().AsPages(""));

        Assert.Empty(pages);
        Assert.Empty(ecs.Requests);
    }

    [Fact]
    public async Task Pages_stop_when_the_enumeration_is_cancelled()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (DescribeActivationsResponse page in client.DescribeAllActivationsAsync().AsPages().WithCancellation(cts.Token))
            {
                cts.Cancel();
            }
        });

        Assert.Single(ecs.Requests);
    }

    [Fact]
    public async Task Pages_stop_when_the_listing_call_is_cancelled()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (DescribeActivationsResponse page in client.DescribeAllActivationsAsync(cancellationToken: cts.Token).AsPages("t1"))
            {
                cts.Cancel();
            }
        });

        Assert.Equal(new[] { "t1" }, ecs.Requests.Select(r => r["NextToken"]));
    }

    [Fact]
    public async Task A_listing_made_from_fixed_pages_sends_nothing_and_resumes_like_the_client()
    {
        ActivationPageable fixedPages = ActivationPageable.FromPages(new[]
        {
            new DescribeActivationsResponse { NextToken = "t1", ActivationList = new[] { new Activation { ActivationId = "a1" } } },
            new DescribeActivationsResponse { NextToken = "t2", ActivationList = new[] { new Activation { ActivationId = "a2" } } },
            new DescribeActivationsResponse { ActivationList = new[] { new Activation { ActivationId = "a3" } } },
        });

        Assert.Equal(new[] { "a1", "a2", "a3" }, (await ToListAsync(fixedPages)).Select(a => a.ActivationId));
        Assert.Equal(new[] { "a1", "a2", "a3" }, (await ToListAsync(fixedPages)).Select(a => a.ActivationId));
        Assert.Equal(new[] { "a3" }, (await ToListAsync(fixedPages.AsPages("t2"))).SelectMany(p => p.ActivationList).Select(a => a.ActivationId));
    }

    [Fact]
    public async Task Walk_stops_when_cancelled_mid_enumeration()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();
        using var cts = new CancellationTokenSource();

        var seen = new List<string?>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Activation a in client.DescribeAllActivationsAsync(cancellationToken: cts.Token))
            {
                seen.Add(a.ActivationId);
                cts.Cancel();
            }
        });

        Assert.Equal(new[] { "a1" }, seen);
        Assert.Single(ecs.Requests);
    }

    [Fact]
    public async Task Walk_honours_the_token_given_to_WithCancellation()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Activation a in client.DescribeAllActivationsAsync().WithCancellation(cts.Token))
            {
                cts.Cancel();
            }
        });

        Assert.Single(ecs.Requests);
    }

    [Fact]
    public async Task Walk_fails_instead_of_looping_when_the_service_repeats_the_token()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Page("same", ("a1", false)));
        using var client = ecs.CreateClient();

        await Assert.ThrowsAsync<EcsInvalidResponseException>(() => ToListAsync(client.DescribeAllActivationsAsync()));

        Assert.Equal(2, ecs.Requests.Count);
    }

    [Fact]
    public void Walk_rejects_numbered_paging_when_called_before_any_io()
    {
        using var ecs = new FakeEcsService(ThreePages);
        using var client = ecs.CreateClient();

        Assert.Throws<ArgumentException>(() => client.DescribeAllActivationsAsync(new DescribeActivationsRequest { PageSize = 10 }));

        Assert.Empty(ecs.Requests);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (T a in source)
        {
            list.Add(a);
        }

        return list;
    }
}
