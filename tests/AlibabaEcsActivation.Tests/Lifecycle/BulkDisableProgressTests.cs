using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using Xunit;

namespace AlibabaEcsActivation.Tests.Lifecycle;

/// <summary><see cref="BulkDisableOptions.Progress"/>: each outcome as it completes, one report at a time.</summary>
public class BulkDisableProgressTests
{
    [Fact]
    public async Task Progress_hears_of_a_code_while_another_is_still_in_flight()
    {
        var fastReported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ecs = new FakeEcsService(async r =>
        {
            if (r["ActivationId"] == "slow")
            {
                // Answers only once the fast code's outcome has been reported: a report held back to the end would never come.
                await fastReported.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }

            return FakeEcsService.ActivationBody(r["ActivationId"]);
        });
        using var client = ecs.CreateClient();
        var reports = new List<string>();
        var progress = new InlineProgress<ActivationDisableOutcome>(o =>
        {
            reports.Add(o.ActivationId);
            if (o.ActivationId == "fast")
            {
                fastReported.TrySetResult();
            }
        });

        BulkDisableResult result = await client.DisableActivationsAsync(new[] { "slow", "fast" }, new BulkDisableOptions { MaxConcurrency = 2, Progress = progress });

        Assert.Equal(new[] { "fast", "slow" }, reports);
        Assert.Equal(new[] { "slow", "fast" }, result.Outcomes.Select(o => o.ActivationId));
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Progress_gets_every_outcome_of_the_result_once_and_never_two_at_once()
    {
        var ids = Enumerable.Range(0, 64).Select(i => "code-" + i).ToList();
        using var ecs = new FakeEcsService(async r =>
        {
            await Task.Yield();
            return r["ActivationId"].EndsWith('7') ? FakeEcsService.Error(HttpStatusCode.NotFound, "ActivationId.NotFound") : FakeEcsService.ActivationBody(r["ActivationId"]);
        });
        using var client = ecs.CreateClient();
        var reported = new List<ActivationDisableOutcome>();
        int inside = 0, overlaps = 0;
        var progress = new InlineProgress<ActivationDisableOutcome>(o =>
        {
            if (Interlocked.Increment(ref inside) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            Thread.Yield();
            reported.Add(o);
            Interlocked.Decrement(ref inside);
        });

        BulkDisableResult result = await client.DisableActivationsAsync(ids, new BulkDisableOptions { MaxConcurrency = 16, Progress = progress });

        Assert.Equal(0, overlaps);
        Assert.Equal(result.Outcomes.OrderBy(o => o.ActivationId, StringComparer.Ordinal), reported.OrderBy(o => o.ActivationId, StringComparer.Ordinal));
        Assert.Equal(6, reported.Count(o => o.Status == ActivationDisableStatus.NotFound));
    }

    [Fact]
    public async Task Progress_in_filter_mode_reports_the_codes_already_disabled_before_any_disable_call()
    {
        using var ecs = new FakeEcsService(r => r["Action"] switch
        {
            "DescribeActivations" => FakeEcsService.Page(null, ("on-1", false), ("off-1", true), ("on-2", false), ("off-2", true)),
            _ => FakeEcsService.ActivationBody(r["ActivationId"]),
        });
        using var client = ecs.CreateClient();
        var reports = new List<(string Id, ActivationDisableStatus Status, int CallsSoFar)>();
        var progress = new InlineProgress<ActivationDisableOutcome>(o => reports.Add((o.ActivationId, o.Status, ecs.RequestsFor("DisableActivation").Count)));

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest { InstanceName = "web" }, new BulkDisableOptions { MaxConcurrency = 1, Progress = progress });

        Assert.Equal(
            new[] { ("off-1", ActivationDisableStatus.AlreadyDisabled, 0), ("off-2", ActivationDisableStatus.AlreadyDisabled, 0), ("on-1", ActivationDisableStatus.Disabled, 1), ("on-2", ActivationDisableStatus.Disabled, 2) },
            reports);
        Assert.Equal(new[] { "on-1", "off-1", "on-2", "off-2" }, result.Outcomes.Select(o => o.ActivationId));
    }
}
