using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AlibabaEcsActivation.Tests.Lifecycle;

public class BulkDisableTests
{
    [Fact]
    public async Task Bulk_reports_disabled_not_found_and_failed_per_code_instead_of_stopping()
    {
        using var ecs = new FakeEcsService(r => r["ActivationId"] switch
        {
            "gone" => FakeEcsService.Error(HttpStatusCode.NotFound, "ActivationId.NotFound"),
            "forbidden" => FakeEcsService.Error(HttpStatusCode.Forbidden, "Operation.Forbidden"),
            var id => FakeEcsService.ActivationBody(id),
        });
        using var client = ecs.CreateClient();

        BulkDisableResult result = await client.DisableActivationsAsync(new[] { "ok-1", "gone", "forbidden", "ok-2" });

        Assert.Equal(
            new[] { ("ok-1", ActivationDisableStatus.Disabled), ("gone", ActivationDisableStatus.NotFound), ("forbidden", ActivationDisableStatus.Failed), ("ok-2", ActivationDisableStatus.Disabled) },
            result.Outcomes.Select(o => (o.ActivationId, o.Status)));
        Assert.Equal((2, 1, 1, false), (result.DisabledCount, result.NotFoundCount, result.FailedCount, result.Succeeded));
        Assert.Equal(new[] { "req-ok-1", "req-ActivationId.NotFound", "req-Operation.Forbidden", "req-ok-2" }, result.Outcomes.Select(o => o.RequestId));
    }

    [Fact]
    public async Task Bulk_failed_outcome_carries_the_error_code_and_request_id()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Error(HttpStatusCode.Forbidden, "Operation.Forbidden", "The operation is not permitted."));
        using var client = ecs.CreateClient();

        BulkDisableResult result = await client.DisableActivationsAsync(new[] { "a" });

        ActivationDisableOutcome outcome = Assert.Single(result.Outcomes);
        Assert.Equal(("Operation.Forbidden", "req-Operation.Forbidden"), (outcome.ErrorCode, outcome.RequestId));
        Assert.Contains("not permitted", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.IsType<OperationForbiddenException>(outcome.Exception);
    }

    [Fact]
    public async Task Bulk_retries_throttled_codes_until_they_are_disabled()
    {
        var throttledOnce = new ConcurrentDictionary<string, int>();
        using var ecs = new FakeEcsService(r =>
        {
            string id = r["ActivationId"];
            return throttledOnce.AddOrUpdate(id, 1, (_, n) => n + 1) <= 2
                ? FakeEcsService.Error(HttpStatusCode.BadRequest, "Throttling.User", "Request was denied due to user flow control.")
                : FakeEcsService.ActivationBody(id);
        });
        using var client = ecs.CreateClient(maxRetries: 3);

        BulkDisableResult result = await client.DisableActivationsAsync(new[] { "a", "b", "c" });

        Assert.All(result.Outcomes, o => Assert.Equal(ActivationDisableStatus.Disabled, o.Status));
        Assert.All(result.Outcomes, o => Assert.Equal(3, o.Attempts));
        Assert.Equal(9, ecs.Requests.Count);
    }

    [Fact]
    public async Task Bulk_reports_throttling_as_failed_once_retries_are_exhausted_and_carries_on()
    {
        using var ecs = new FakeEcsService(r => r["ActivationId"] == "hot"
            ? FakeEcsService.Error(HttpStatusCode.BadRequest, "Throttling.Api")
            : FakeEcsService.ActivationBody(r["ActivationId"]));
        using var client = ecs.CreateClient(maxRetries: 1);

        // One call at a time: the service accepts nothing while "hot" is throttled, so its throttling is its outcome
        // (BulkDisableThrottledCodeTests: a code is called again when the service accepted others meanwhile).
        BulkDisableResult result = await client.DisableActivationsAsync(new[] { "hot", "cold" }, new BulkDisableOptions { MaxConcurrency = 1 });

        Assert.Equal(("Throttling.Api", ActivationDisableStatus.Failed), (result.Outcomes[0].ErrorCode, result.Outcomes[0].Status));
        Assert.IsType<ThrottlingException>(result.Outcomes[0].Exception);
        Assert.Equal(ActivationDisableStatus.Disabled, result.Outcomes[1].Status);
        Assert.Equal((2, 1), (result.Outcomes[0].Attempts, result.Outcomes[1].Attempts));
        Assert.Equal(2, ecs.RequestsFor("DisableActivation").Count(r => r["ActivationId"] == "hot"));
    }

    [Fact]
    public async Task Bulk_runs_calls_concurrently_but_never_more_than_MaxConcurrency()
    {
        int inFlight = 0, maxInFlight = 0;
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ecs = new FakeEcsService(async r =>
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            if (now >= 2)
            {
                secondArrived.TrySetResult();
            }

            // Hold the first calls until two overlap, proving the work is concurrent. The wait bound only
            // turns a regression into a failure instead of a hang; it is not what the test measures.
            await secondArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
            return FakeEcsService.ActivationBody(r["ActivationId"]);
        });
        using var client = ecs.CreateClient();

        BulkDisableResult result = await client.DisableActivationsAsync(
            Enumerable.Range(1, 12).Select(i => "id-" + i), new BulkDisableOptions { MaxConcurrency = 2 });

        Assert.Equal(12, result.DisabledCount);
        Assert.Equal(2, maxInFlight);
    }

    [Fact]
    public async Task Bulk_keeps_input_order_and_disables_a_repeated_id_once()
    {
        using var ecs = new FakeEcsService(r => FakeEcsService.ActivationBody(r["ActivationId"]));
        using var client = ecs.CreateClient();

        BulkDisableResult result = await client.DisableActivationsAsync(new[] { "b", "a", "b", "c" }, new BulkDisableOptions { MaxConcurrency = 3 });

        Assert.Equal(new[] { "b", "a", "c" }, result.Outcomes.Select(o => o.ActivationId));
        Assert.Equal(3, ecs.Requests.Count);
    }

    [Fact]
    public async Task Bulk_sends_the_region_from_the_options()
    {
        using var ecs = new FakeEcsService(r => FakeEcsService.ActivationBody(r["ActivationId"]));
        using var client = ecs.CreateClient();

        await client.DisableActivationsAsync(new[] { "a" }, new BulkDisableOptions { RegionId = "cn-beijing" });

        Assert.Equal("cn-beijing", Assert.Single(ecs.Requests)["RegionId"]);
    }

    [Fact]
    public async Task Bulk_with_no_ids_makes_no_call()
    {
        using var ecs = new FakeEcsService(r => FakeEcsService.ActivationBody(r["ActivationId"]));
        using var client = ecs.CreateClient();

        BulkDisableResult result = await client.DisableActivationsAsync(Array.Empty<string>());

        Assert.Empty(result.Outcomes);
        Assert.Empty(ecs.Requests);
    }

    [Fact]
    public void Bulk_rejects_an_invalid_id_anywhere_in_the_list_before_any_io()
    {
        using var ecs = new FakeEcsService(r => FakeEcsService.ActivationBody(r["ActivationId"]));
        using var client = ecs.CreateClient();

        var e = Assert.Throws<ArgumentException>(() => { _ = client.DisableActivationsAsync(new[] { "a", "b", " " }); });

        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
        Assert.Empty(ecs.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Bulk_rejects_a_concurrency_out_of_range_before_any_io(int maxConcurrency)
    {
        using var ecs = new FakeEcsService(r => FakeEcsService.ActivationBody(r["ActivationId"]));
        using var client = ecs.CreateClient();

        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.DisableActivationsAsync(new[] { "a" }, new BulkDisableOptions { MaxConcurrency = maxConcurrency }); });

        Assert.Empty(ecs.Requests);
    }

    [Fact]
    public async Task Bulk_surfaces_the_callers_cancellation()
    {
        using var cts = new CancellationTokenSource();
        using var ecs = new FakeEcsService(r =>
        {
            cts.Cancel();
            return FakeEcsService.ActivationBody(r["ActivationId"]);
        });
        using var client = ecs.CreateClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.DisableActivationsAsync(new[] { "a", "b", "c" }, new BulkDisableOptions { MaxConcurrency = 1 }, cts.Token));

        Assert.Single(ecs.Requests);
    }

    [Fact]
    public async Task Bulk_filter_mode_disables_only_enabled_matches_and_reports_the_rest()
    {
        using var ecs = new FakeEcsService(r => r["Action"] switch
        {
            "DescribeActivations" when !r.ContainsKey("NextToken") => FakeEcsService.Page("t1", ("on-1", false), ("off-1", true)),
            "DescribeActivations" => FakeEcsService.Page(null, ("on-2", false), ("gone", false)),
            _ when r["ActivationId"] == "gone" => FakeEcsService.Error(HttpStatusCode.NotFound, "ActivationId.NotFound"),
            _ => FakeEcsService.ActivationBody(r["ActivationId"]),
        });
        using var client = ecs.CreateClient();

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest { InstanceName = "web" });

        Assert.Equal(
            new[] { ("on-1", ActivationDisableStatus.Disabled), ("off-1", ActivationDisableStatus.AlreadyDisabled), ("on-2", ActivationDisableStatus.Disabled), ("gone", ActivationDisableStatus.NotFound) },
            result.Outcomes.Select(o => (o.ActivationId, o.Status)));
        Assert.Equal(new[] { "on-1", "on-2", "gone" }, ecs.RequestsFor("DisableActivation").Select(r => r["ActivationId"]).OrderBy(i => i == "gone").ThenBy(i => i, StringComparer.Ordinal));
        Assert.All(ecs.RequestsFor("DescribeActivations"), r => Assert.Equal("web", r["InstanceName"]));
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Bulk_filter_mode_reports_an_enabled_code_listed_without_an_id_as_failed()
    {
        using var ecs = new FakeEcsService(r => r["Action"] switch
        {
            "DescribeActivations" => FakeEcsService.Json("""{"RequestId":"r","ActivationList":[{"ActivationId":"on-1","Disabled":false},{"InstanceName":"web","Disabled":false}]}"""),
            _ => FakeEcsService.ActivationBody(r["ActivationId"]),
        });
        using var client = ecs.CreateClient();

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest(), new BulkDisableOptions { AllInRegion = true });

        Assert.Equal(2, result.Outcomes.Count);
        ActivationDisableOutcome unnamed = result.Outcomes[1];
        Assert.Equal(ActivationDisableStatus.Failed, unnamed.Status);
        Assert.Equal(EcsErrorCodes.InvalidResponse, unnamed.ErrorCode);
        Assert.False(result.Succeeded);
        Assert.Single(ecs.RequestsFor("DisableActivation"));
    }

    [Theory]
    [InlineData(true, false, ActivationDisableStatus.Disabled, 1)]
    [InlineData(false, true, ActivationDisableStatus.Disabled, 1)]
    [InlineData(true, true, ActivationDisableStatus.AlreadyDisabled, 0)]
    [InlineData(false, false, ActivationDisableStatus.Disabled, 1)]
    public async Task Bulk_filter_mode_reports_a_code_listed_on_two_pages_once(bool firstDisabled, bool secondDisabled, ActivationDisableStatus expected, int disableCalls)
    {
        using var ecs = new FakeEcsService(r => r["Action"] switch
        {
            "DescribeActivations" when !r.ContainsKey("NextToken") => FakeEcsService.Page("t1", ("twice", firstDisabled)),
            "DescribeActivations" => FakeEcsService.Page(null, ("twice", secondDisabled)),
            _ => FakeEcsService.ActivationBody(r["ActivationId"]),
        });
        using var client = ecs.CreateClient();

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest(), new BulkDisableOptions { AllInRegion = true });

        ActivationDisableOutcome outcome = Assert.Single(result.Outcomes);
        Assert.Equal(("twice", expected), (outcome.ActivationId, outcome.Status));
        Assert.Equal(disableCalls, ecs.RequestsFor("DisableActivation").Count);
    }

    [Fact]
    public async Task Bulk_filter_mode_lists_everything_before_disabling_anything()
    {
        using var ecs = new FakeEcsService(r => r["Action"] switch
        {
            "DescribeActivations" when !r.ContainsKey("NextToken") => FakeEcsService.Page("t1", ("a", false)),
            "DescribeActivations" => FakeEcsService.Page(null, ("b", false)),
            _ => FakeEcsService.ActivationBody(r["ActivationId"]),
        });
        using var client = ecs.CreateClient();

        await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest(), new BulkDisableOptions { AllInRegion = true, MaxConcurrency = 1 });

        Assert.Equal(new[] { "DescribeActivations", "DescribeActivations", "DisableActivation", "DisableActivation" }, ecs.Requests.Select(r => r["Action"]));
    }

    [Fact]
    public async Task Bulk_filter_mode_disables_nothing_when_the_listing_fails()
    {
        using var ecs = new FakeEcsService(r => r["Action"] == "DescribeActivations"
            ? FakeEcsService.Error(HttpStatusCode.Forbidden, "Forbidden.RAM")
            : FakeEcsService.ActivationBody(r["ActivationId"]));
        using var client = ecs.CreateClient();

        await Assert.ThrowsAsync<EcsAuthenticationException>(() => client.DisableMatchingActivationsAsync(new DescribeActivationsRequest(), new BulkDisableOptions { AllInRegion = true }));

        Assert.Empty(ecs.RequestsFor("DisableActivation"));
    }

    [Fact]
    public void Bulk_filter_mode_rejects_a_region_in_the_options_before_any_io()
    {
        using var ecs = new FakeEcsService(r => FakeEcsService.Page(null));
        using var client = ecs.CreateClient();

        Assert.Throws<ArgumentException>(() => { _ = client.DisableMatchingActivationsAsync(new DescribeActivationsRequest(), new BulkDisableOptions { AllInRegion = true, RegionId = "cn-beijing" }); });

        Assert.Empty(ecs.Requests);
    }

    public static TheoryData<DescribeActivationsRequest> EmptyFilters => new()
    {
        new DescribeActivationsRequest(),
        new DescribeActivationsRequest { RegionId = "cn-beijing" },
        new DescribeActivationsRequest { MaxResults = 20, NextToken = "t1" },
        new DescribeActivationsRequest { Tags = Array.Empty<Tag>() },
    };

    [Theory]
    [MemberData(nameof(EmptyFilters))]
    public void Bulk_filter_mode_refuses_an_empty_filter_before_any_io_unless_told_all(DescribeActivationsRequest filter)
    {
        using var ecs = new FakeEcsService(r => FakeEcsService.Page(null, ("a", false)));
        using var client = ecs.CreateClient();

        var e = Assert.Throws<ArgumentException>(() => { _ = client.DisableMatchingActivationsAsync(filter); });

        Assert.Equal("filter", e.ParamName);
        Assert.Contains("AllInRegion = true", e.Message, StringComparison.Ordinal);
        Assert.Empty(ecs.Requests);
    }

    [Fact]
    public async Task Bulk_filter_mode_disables_every_enabled_code_in_the_region_when_told_all()
    {
        using var ecs = new FakeEcsService(r => r["Action"] switch
        {
            "DescribeActivations" => FakeEcsService.Page(null, ("a", false), ("b", true)),
            _ => FakeEcsService.ActivationBody(r["ActivationId"]),
        });
        using var client = ecs.CreateClient();

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest { RegionId = "cn-beijing" }, new BulkDisableOptions { AllInRegion = true });

        Assert.Equal(new[] { ("a", ActivationDisableStatus.Disabled), ("b", ActivationDisableStatus.AlreadyDisabled) }, result.Outcomes.Select(o => (o.ActivationId, o.Status)));
        Assert.All(ecs.Requests, r => Assert.Equal("cn-beijing", r["RegionId"]));
    }

    [Fact]
    public void Bulk_filter_mode_refuses_all_in_region_beside_a_condition_before_any_io()
    {
        using var ecs = new FakeEcsService(r => FakeEcsService.Page(null));
        using var client = ecs.CreateClient();

        var e = Assert.Throws<ArgumentException>(() => { _ = client.DisableMatchingActivationsAsync(new DescribeActivationsRequest { InstanceName = "web" }, new BulkDisableOptions { AllInRegion = true }); });

        Assert.Equal("options", e.ParamName);
        Assert.Empty(ecs.Requests);
    }

    [Fact]
    public void Bulk_id_mode_refuses_all_in_region_before_any_io()
    {
        using var ecs = new FakeEcsService(r => FakeEcsService.ActivationBody(r["ActivationId"]));
        using var client = ecs.CreateClient();

        Assert.Throws<ArgumentException>(() => { _ = client.DisableActivationsAsync(new[] { "a" }, new BulkDisableOptions { AllInRegion = true }); });

        Assert.Empty(ecs.Requests);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
