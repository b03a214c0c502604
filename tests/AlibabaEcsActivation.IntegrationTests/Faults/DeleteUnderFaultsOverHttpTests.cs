using System.Linq;
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

        Assert.Null(Emulator.Activations.Find("cn-hangzhou", "target"));
        AssertFirstAttemptGot(fault, actionRan: faultName == "ActLateWithinAttemptTimeout");
        AssertTheResponseTellsWhoDeleted(response);
    }

    [Theory]
    [MemberData(nameof(FaultsAfterTheAction))]
    public async Task Delete_whose_answer_was_lost_reports_the_code_deleted_rather_than_not_found(string faultName)
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("target"));
        EcsFault fault = Inject(faultName, "DeleteActivation");
        using var client = CreateFaultTolerantClient();

        DeleteActivationResponse response = await client.DeleteActivationAsync("target");
        await SettleAsync();

        Assert.Null(Emulator.Activations.Find("cn-hangzhou", "target"));
        AssertFirstAttemptGot(fault, actionRan: true);
        AssertTheResponseTellsWhoDeleted(response);
        if (faultName != "ActLatePastAttemptTimeout")
        {
            Assert.True(response.DeletedByEarlierAttempt); // the retry can only have found the code gone
        }
    }

    [Fact]
    public async Task Delete_of_a_code_that_never_existed_is_still_NotFound_when_no_attempt_was_lost()
    {
        Emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch, action: "DeleteActivation");
        using var client = CreateFaultTolerantClient();

        await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DeleteActivationAsync("never-existed"));

        Assert.Equal(new[] { "InternalError.Dispatch", "ActivationId.NotFound" }, Emulator.Requests.Snapshot().Select(r => r.ErrorCode));
    }

    /// <summary>
    /// Exactly one attempt deleted the code. If it was the last, its answer is the call's; otherwise its answer
    /// was lost and a later attempt found the code gone, which the call must report as DeletedByEarlierAttempt.
    /// Read from the log rather than assumed: on a loaded machine any attempt may time out after acting.
    /// </summary>
    private void AssertTheResponseTellsWhoDeleted(DeleteActivationResponse response)
    {
        RecordedRequest[] requests = Emulator.Requests.Snapshot().ToArray();
        RecordedRequest deleter = Assert.Single(requests, r => r.ActionSucceeded);
        bool answeredByTheDeleter = ReferenceEquals(deleter, requests[^1]);
        Assert.Equal(answeredByTheDeleter ? ("target", false) : (null, true), (response.Activation?.ActivationId, response.DeletedByEarlierAttempt));
        if (!answeredByTheDeleter)
        {
            Assert.Equal("ActivationId.NotFound", requests[^1].ErrorCode);
        }
    }
}
