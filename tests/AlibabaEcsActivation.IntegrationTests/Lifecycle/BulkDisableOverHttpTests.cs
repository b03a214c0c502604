using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Lifecycle;

/// <summary>Bulk disable end to end: one outcome per code, throttling retried, nothing stops at the first error.</summary>
public class BulkDisableOverHttpTests : LoopbackEmulatorTest
{
    [Fact]
    public async Task Filter_mode_reports_disabled_already_disabled_not_found_and_failed_under_throttling()
    {
        Emulator.Activations.Remove("cn-hangzhou", SeededId);
        Emulator.Activations.Put(ActivationSeeds.Unused("a-enabled"));
        Emulator.Activations.Put(ActivationSeeds.Unused("b-disabled") with { Disabled = true });
        Emulator.Activations.Put(ActivationSeeds.Unused("c-vanishes"));
        Emulator.Activations.Put(ActivationSeeds.Unused("d-forbidden"));
        Emulator.Faults.Enqueue(EcsFault.Throttling(), count: 2, action: "DisableActivation", activationId: "a-enabled");
        Emulator.Faults.Enqueue(EcsFault.OperationForbidden, count: 10, action: "DisableActivation", activationId: "d-forbidden");
        // Someone deletes c between the listing and the disable: removed as soon as the listing is answered.
        Emulator.Requests.Completed += (_, r) =>
        {
            if (r.Action == "DescribeActivations")
            {
                Emulator.Activations.Remove("cn-hangzhou", "c-vanishes");
            }
        };
        using var client = CreateClient();

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest(), new BulkDisableOptions { AllInRegion = true, MaxConcurrency = 2 });

        Assert.Equal(
            new[] { "a-enabled: Disabled", "b-disabled: AlreadyDisabled", "c-vanishes: NotFound (ActivationId.NotFound)", "d-forbidden: Failed (Operation.Forbidden)" },
            result.Outcomes.Select(o => o.ToString()));
        Assert.False(result.Succeeded);
        Assert.True(Emulator.Activations.Find("cn-hangzhou", "a-enabled")!.Disabled);
        Assert.Equal(3, Emulator.Requests.Snapshot().Count(r => r.ActivationId == "a-enabled"));
        Assert.DoesNotContain(Emulator.Requests.Snapshot(), r => r.Action == "DisableActivation" && r.ActivationId == "b-disabled");
    }

    [Fact]
    public async Task Id_list_mode_reports_an_outcome_per_code_under_throttling()
    {
        ActivationSeeds.Add(Emulator, 6);
        Emulator.Faults.Enqueue(EcsFault.Throttling("Throttling.Api"), count: 4, action: "DisableActivation");
        Emulator.Faults.Enqueue(EcsFault.OperationForbidden, count: 10, activationId: "seed-005");
        using var client = CreateClient(o => o.MaxRetries = 5); // one code may draw all four throttles
        string[] ids = ["seed-000", "seed-001", "missing", "seed-002", "seed-003", "seed-004", "seed-005"];

        BulkDisableResult result = await client.DisableActivationsAsync(ids, new BulkDisableOptions { MaxConcurrency = 3 });

        Assert.Equal(ids, result.Outcomes.Select(o => o.ActivationId));
        Assert.Equal((5, 1, 1), (result.DisabledCount, result.NotFoundCount, result.FailedCount));
        Assert.Equal("Operation.Forbidden", result.Outcomes[^1].ErrorCode);
        Assert.Equal(4, Emulator.Requests.Snapshot().Count(r => r.ErrorCode == "Throttling.Api"));
        Assert.All(ids.Take(6).Where(id => id != "missing"), id => Assert.True(Emulator.Activations.Find("cn-hangzhou", id)!.Disabled));
    }

    [Fact]
    public async Task Filter_mode_disables_only_the_matching_codes()
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("web-1") with { InstanceName = "web" });
        Emulator.Activations.Put(ActivationSeeds.Unused("db-1") with { InstanceName = "db" });
        using var client = CreateClient();

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest { InstanceName = "web" });

        Assert.Equal("web-1", Assert.Single(result.Outcomes).ActivationId);
        Assert.True(Emulator.Activations.Find("cn-hangzhou", "web-1")!.Disabled);
        Assert.False(Emulator.Activations.Find("cn-hangzhou", "db-1")!.Disabled);
    }

    [Fact]
    public async Task Throttled_listing_is_retried_before_anything_is_disabled()
    {
        Emulator.Faults.Enqueue(EcsFault.Throttling(), count: 2, action: "DescribeActivations");
        using var client = CreateClient();

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest(), new BulkDisableOptions { AllInRegion = true });

        Assert.Equal(SeededId, Assert.Single(result.Outcomes).ActivationId);
        Assert.Equal(
            new[] { "DescribeActivations", "DescribeActivations", "DescribeActivations", "DisableActivation" },
            Emulator.Requests.Snapshot().Select(r => r.Action));
        Assert.True(result.Succeeded);
    }
}
