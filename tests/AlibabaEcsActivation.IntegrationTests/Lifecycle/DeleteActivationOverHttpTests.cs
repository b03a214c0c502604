using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Lifecycle;

/// <summary>DeleteActivation end to end: unused codes go, codes with registered instances stay (<c>ActivationId.InUse</c>).</summary>
public class DeleteActivationOverHttpTests : LoopbackEmulatorTest
{
    [Fact]
    public async Task Delete_removes_an_unused_code_and_returns_it()
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("unused"));
        using var client = CreateClient();

        DeleteActivationResponse response = await client.DeleteActivationAsync("unused");

        Activation deleted = Assert.IsType<Activation>(response.Activation); // no attempt was lost, so the code is returned
        Assert.Equal(("unused", "test-InstanceName", 1), (deleted.ActivationId, deleted.InstanceName, deleted.InstanceCount));
        Assert.Null(Emulator.Activations.Find("cn-hangzhou", "unused"));
    }

    [Fact]
    public async Task Code_whose_instances_were_all_deregistered_can_be_deleted()
    {
        // The documented example: one instance registered and one deregistered.
        using var client = CreateClient();

        await client.DeleteActivationAsync(SeededId);

        Assert.Null(Emulator.Activations.Find("cn-hangzhou", SeededId));
    }

    [Fact]
    public async Task Code_with_a_registered_instance_throws_ActivationInUseException_and_stays()
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("busy") with { RegisteredCount = 2, DeregisteredCount = 1 });
        using var client = CreateClient();

        var e = await Assert.ThrowsAsync<ActivationInUseException>(() => client.DeleteActivationAsync("busy"));

        Assert.Equal((403, "ActivationId.InUse"), (e.StatusCode, e.ErrorCode));
        Assert.False(string.IsNullOrEmpty(e.RequestId));
        Assert.NotNull(Emulator.Activations.Find("cn-hangzhou", "busy"));
        Assert.Single(Emulator.Requests.Snapshot()); // not retried
    }

    [Fact]
    public async Task Unknown_code_throws_ActivationNotFoundException()
    {
        using var client = CreateClient();

        var e = await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DeleteActivationAsync("no-such-code"));

        Assert.Equal(404, e.StatusCode);
    }

    [Fact]
    public async Task Delete_looks_in_the_requested_region_only()
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("beijing-code", "cn-beijing"));
        using var client = CreateClient();

        await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DeleteActivationAsync("beijing-code"));
        await client.DeleteActivationAsync(new DeleteActivationRequest("beijing-code") { RegionId = "cn-beijing" });

        Assert.Null(Emulator.Activations.Find("cn-beijing", "beijing-code"));
    }
}
