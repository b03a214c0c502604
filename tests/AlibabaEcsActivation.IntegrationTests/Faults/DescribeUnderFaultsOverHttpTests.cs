using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Faults;

/// <summary>DescribeActivations under each fault over loopback HTTP: no false failure, the page matches the state, nothing changes.</summary>
public class DescribeUnderFaultsOverHttpTests : FaultedLoopbackTest
{
    [Theory]
    [MemberData(nameof(AllFaults))]
    public async Task Describe_succeeds_and_lists_the_code_as_stored(string faultName)
    {
        EmulatedActivation stored = Emulator.Activations.Put(ActivationSeeds.Unused("target") with { InstanceName = "rack12", Disabled = true });
        EcsFault fault = Inject(faultName, "DescribeActivations");
        using var client = CreateFaultTolerantClient();

        DescribeActivationsResponse page = await client.DescribeActivationsAsync(new DescribeActivationsRequest { ActivationId = "target" });
        await SettleAsync();

        Activation listed = Assert.Single(page.ActivationList);
        Assert.Equal(("target", "rack12", true), (listed.ActivationId, listed.InstanceName, listed.Disabled));
        Assert.Equal(stored, Emulator.Activations.Find("cn-hangzhou", "target"));
        AssertFirstAttemptGot(fault, actionRan: ActionRunsUnder(faultName));
    }
}
