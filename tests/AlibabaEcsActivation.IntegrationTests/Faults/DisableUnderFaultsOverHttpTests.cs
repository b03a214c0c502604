using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Faults;

/// <summary>DisableActivation under each fault over loopback HTTP: no false failure, and the code ends disabled.</summary>
public class DisableUnderFaultsOverHttpTests : FaultedLoopbackTest
{
    [Theory]
    [MemberData(nameof(AllFaults))]
    public async Task Disable_succeeds_and_the_code_is_disabled(string faultName)
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("target"));
        EcsFault fault = Inject(faultName, "DisableActivation");
        using var client = CreateFaultTolerantClient();

        DisableActivationResponse response = await client.DisableActivationAsync("target");
        await SettleAsync();

        Assert.Equal(("target", true), (response.Activation.ActivationId, response.Activation.Disabled));
        Assert.True(Emulator.Activations.Find("cn-hangzhou", "target")!.Disabled);
        AssertFirstAttemptGot(fault, actionRan: ActionRunsUnder(faultName));
    }
}
