using System;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Lifecycle;

/// <summary>
/// The whole life of a code: create → servers register → disable → they deregister → delete, with the
/// SDK over HTTP for the API calls and the emulator's Register/Deregister standing in for the servers.
/// </summary>
public class ActivationStateMachineOverHttpTests : LoopbackEmulatorTest
{
    [Fact]
    public async Task Create_register_disable_deregister_delete()
    {
        using var client = CreateClient();
        string id = (await client.CreateActivationAsync(new CreateActivationRequest { InstanceName = "rack12", InstanceCount = 3 })).ActivationId;

        Emulator.Activations.Register("cn-hangzhou", id);
        Emulator.Activations.Register("cn-hangzhou", id);
        Activation listed = await DescribeOneAsync(client, id);
        Assert.Equal((2, 0, false), (listed.RegisteredCount, listed.DeregisteredCount, listed.Disabled));

        Assert.True((await client.DisableActivationAsync(id)).Activation.Disabled);
        Assert.Throws<InvalidOperationException>(() => Emulator.Activations.Register("cn-hangzhou", id));
        await Assert.ThrowsAsync<ActivationInUseException>(() => client.DeleteActivationAsync(id));

        Emulator.Activations.Deregister("cn-hangzhou", id);
        await Assert.ThrowsAsync<ActivationInUseException>(() => client.DeleteActivationAsync(id));
        Emulator.Activations.Deregister("cn-hangzhou", id);

        DeleteActivationResponse deleted = await client.DeleteActivationAsync(id);
        Activation gone = Assert.IsType<Activation>(deleted.Activation); // no attempt was lost, so the code is returned
        Assert.Equal((2, 2), (gone.RegisteredCount, gone.DeregisteredCount));
        Assert.Empty((await client.DescribeActivationsAsync(new DescribeActivationsRequest { ActivationId = id })).ActivationList);
    }

    [Fact]
    public async Task A_code_registers_at_most_InstanceCount_instances()
    {
        using var client = CreateClient();
        string id = (await client.CreateActivationAsync(new CreateActivationRequest { InstanceCount = 1 })).ActivationId;

        Emulator.Activations.Register("cn-hangzhou", id);

        Assert.Throws<InvalidOperationException>(() => Emulator.Activations.Register("cn-hangzhou", id));
        Assert.Equal(1, (await DescribeOneAsync(client, id)).RegisteredCount);
    }

    private static async Task<Activation> DescribeOneAsync(IEcsActivationClient client, string id) =>
        Assert.Single((await client.DescribeActivationsAsync(new DescribeActivationsRequest { ActivationId = id })).ActivationList);
}
