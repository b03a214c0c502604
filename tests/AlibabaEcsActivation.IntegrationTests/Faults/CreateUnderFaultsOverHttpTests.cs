using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Faults;

/// <summary>
/// CreateActivation under each fault over loopback HTTP: no false failure, no orphan (the code the
/// emulator made is the one returned), no duplicate (one code per ClientToken).
/// </summary>
public class CreateUnderFaultsOverHttpTests : FaultedLoopbackTest
{
    [Theory]
    [MemberData(nameof(AllFaults))]
    public async Task Create_succeeds_with_the_one_code_its_ClientToken_made(string faultName)
    {
        EcsFault fault = Inject(faultName, "CreateActivation");
        using var client = CreateFaultTolerantClient();
        var request = new CreateActivationRequest { InstanceName = "rack12", ClientToken = "token-" + faultName };
        int before = Emulator.Activations.Count;

        CreateActivationResponse created = await client.CreateActivationAsync(request);
        await SettleAsync();
        CreateActivationResponse again = await client.CreateActivationAsync(request);

        Assert.Equal(before + 1, Emulator.Activations.Count);
        Assert.Equal("rack12", Emulator.Activations.Find("cn-hangzhou", created.ActivationId)?.InstanceName);
        Assert.Equal((created.ActivationId, created.ActivationCode), (again.ActivationId, again.ActivationCode));
        Assert.All(Emulator.Requests.Snapshot(), r => Assert.Equal(request.ClientToken, r.Parameters["ClientToken"]));
        AssertFirstAttemptGot(fault, actionRan: ActionRunsUnder(faultName));
    }

    [Theory]
    [MemberData(nameof(FaultsAfterTheAction))]
    public async Task Create_without_a_ClientToken_still_makes_one_code_whose_id_is_returned(string faultName)
    {
        Inject(faultName, "CreateActivation");
        using var client = CreateFaultTolerantClient();
        int before = Emulator.Activations.Count;

        CreateActivationResponse created = await client.CreateActivationAsync(new CreateActivationRequest());
        await SettleAsync();

        Assert.Equal(before + 1, Emulator.Activations.Count);
        Assert.NotNull(Emulator.Activations.Find("cn-hangzhou", created.ActivationId));
        Assert.Single(Emulator.Requests.Snapshot().Select(r => r.Parameters["ClientToken"]).Distinct());
    }
}
