using System;
using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Faults;

/// <summary>
/// CreateActivation under each fault over loopback HTTP: no false failure, no orphan (the code the
/// emulator made is the one returned, or the failure carries the ClientToken that gets it back), no
/// duplicate (one code per ClientToken). Code strings are compared without ever being printed.
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
        Assert.Equal(created.ActivationId, again.ActivationId);
        Assert.True(SameCode(created, again), "A repeated ClientToken returned another ActivationCode.");
        Assert.Equal(request.ClientToken, created.ClientToken);
        Assert.All(Emulator.Requests.Snapshot(), r => Assert.Equal(request.ClientToken, r.Parameters["ClientToken"]));
        AssertFirstAttemptGot(fault, actionRan: ActionRunsUnder(faultName));
    }

    [Theory]
    [MemberData(nameof(FaultsAfterTheAction))]
    public async Task Create_without_a_ClientToken_still_makes_one_code_and_reports_the_token_it_used(string faultName)
    {
        Inject(faultName, "CreateActivation");
        using var client = CreateFaultTolerantClient();
        int before = Emulator.Activations.Count;

        CreateActivationResponse created = await client.CreateActivationAsync(new CreateActivationRequest());
        await SettleAsync();

        Assert.Equal(before + 1, Emulator.Activations.Count);
        Assert.NotNull(Emulator.Activations.Find("cn-hangzhou", created.ActivationId));
        string sent = Assert.Single(Emulator.Requests.Snapshot().Select(r => r.Parameters["ClientToken"]).Distinct());
        Assert.Equal(sent, created.ClientToken);
    }

    [Theory]
    [InlineData("ActThenReset")]
    [InlineData("ActThenTruncate")]
    [InlineData("ActLatePastAttemptTimeout")]
    [InlineData("DropConnection")]
    [InlineData("InternalErrorDispatch")]
    public async Task Create_that_runs_out_of_retries_carries_its_ClientToken_and_creating_again_with_it_gets_the_one_code(string faultName)
    {
        Emulator.Faults.Enqueue(Make(faultName), count: 2, action: "CreateActivation");
        using var client = CreateFaultTolerantClient(o => o.MaxRetries = 1);
        int before = Emulator.Activations.Count;

        var e = await Assert.ThrowsAnyAsync<EcsException>(() => client.CreateActivationAsync(new CreateActivationRequest { InstanceName = "rack12" }));
        await SettleAsync();
        int afterTheFailure = Emulator.Activations.Count;
        Assert.False(string.IsNullOrEmpty(e.ClientToken));
        CreateActivationResponse recovered = await client.CreateActivationAsync(new CreateActivationRequest { InstanceName = "rack12", ClientToken = e.ClientToken });

        Assert.Equal(ActionRunsUnder(faultName) ? before + 1 : before, afterTheFailure);
        Assert.Equal(before + 1, Emulator.Activations.Count);
        Assert.Equal(e.ClientToken, recovered.ClientToken);
        Assert.All(Emulator.Requests.Snapshot(), r => Assert.Equal(e.ClientToken, r.Parameters["ClientToken"]));
        Assert.True(recovered.ActivationCode.Length > 0 && !e.ToString().Contains(recovered.ActivationCode, StringComparison.Ordinal), "The exception shows the ActivationCode.");
        // Where both faulted attempts created (the client got neither answer: it threw), the count above shows
        // the second create returned that code rather than making another. Which faulted attempts the emulator
        // saw abandoned is not asserted: after a late action, whether the server noticed the client's
        // disconnect before answering is a race the client cannot see.
        Assert.Equal(ActionRunsUnder(faultName) ? 2 : 0, Emulator.Requests.Snapshot().Count(r => r.Fault is not null && r.ActionSucceeded));
    }

    private static bool SameCode(CreateActivationResponse a, CreateActivationResponse b) =>
        string.Equals(a.ActivationCode, b.ActivationCode, StringComparison.Ordinal);
}
