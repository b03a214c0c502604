using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Faults;

/// <summary>DeleteActivation under each fault over loopback HTTP: no false failure, no false NotFound, and the code is gone.</summary>
public class DeleteUnderFaultsOverHttpTests : FaultedLoopbackTest
{
    [Theory]
    [MemberData(nameof(FaultsBeforeTheAction))]
    public async Task Delete_after_a_fault_that_did_nothing_returns_the_deleted_code(string faultName)
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("target"));
        EcsFault fault = Inject(faultName, "DeleteActivation");
        using var client = CreateFaultTolerantClient();

        DeleteActivationResponse response = await client.DeleteActivationAsync("target");
        await SettleAsync();

        Assert.Equal("target", response.Activation!.ActivationId);
        Assert.Null(Emulator.Activations.Find("cn-hangzhou", "target"));
        AssertFirstAttemptGot(fault, actionRan: faultName == "ActLateWithinAttemptTimeout");
    }
}
