using System;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace AlibabaEcsActivation.Tests.Lifecycle;

public class DeleteActivationTests
{
    [Fact]
    public async Task Delete_sends_the_activation_id_and_region()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.ActivationBody("act-1"));
        using var client = ecs.CreateClient();

        await client.DeleteActivationAsync(new DeleteActivationRequest("act-1") { RegionId = "cn-beijing" });

        var sent = Assert.Single(ecs.Requests);
        Assert.Equal(("DeleteActivation", "act-1", "cn-beijing"), (sent["Action"], sent["ActivationId"], sent["RegionId"]));
    }

    [Fact]
    public async Task Delete_reads_the_activation_which_has_no_disabled_field()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(
            """{"RequestId":"req-d","Activation":{"ActivationId":"act-1","CreationTime":"2021-01-20T06:00:00Z","DeregisteredCount":"0","Description":"d","InstanceCount":"1","InstanceName":"web","IpAddressRange":"0.0.0.0/0","RegisteredCount":"0","TimeToLiveInHours":"4"}}"""));
        using var client = ecs.CreateClient();

        DeleteActivationResponse response = await client.DeleteActivationAsync("act-1");

        Activation activation = Assert.IsType<Activation>(response.Activation);
        Assert.False(response.DeletedByEarlierAttempt);
        Assert.Equal(("req-d", "act-1", false, 1, 4L), (response.RequestId, activation.ActivationId, activation.Disabled, activation.InstanceCount, activation.TimeToLiveInHours));
    }

    [Fact]
    public async Task Delete_of_a_code_in_use_throws_ActivationInUseException_without_retrying()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Error(HttpStatusCode.Forbidden, "ActivationId.InUse", "The specified activation id is in use."));
        using var client = ecs.CreateClient();

        var e = await Assert.ThrowsAsync<ActivationInUseException>(() => client.DeleteActivationAsync("act-1"));

        Assert.Equal((403, "ActivationId.InUse", "req-ActivationId.InUse"), (e.StatusCode, e.ErrorCode, e.RequestId));
        Assert.Single(ecs.Requests);
    }

    [Fact]
    public async Task Delete_of_an_unknown_code_throws_ActivationNotFoundException()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Error(HttpStatusCode.NotFound, "ActivationId.NotFound"));
        using var client = ecs.CreateClient();

        await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DeleteActivationAsync("act-1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" act-1")]
    public void Delete_rejects_a_blank_or_padded_id_before_any_io(string activationId)
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.ActivationBody("act-1"));
        using var client = ecs.CreateClient();

        Assert.Throws<ArgumentException>(() => { _ = client.DeleteActivationAsync(activationId); });

        Assert.Empty(ecs.Requests);
    }

    [Fact]
    public void Delete_rejects_a_request_without_id_before_any_io()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.ActivationBody("act-1"));
        using var client = ecs.CreateClient();

        Assert.Throws<ArgumentNullException>(() => { _ = client.DeleteActivationAsync(new DeleteActivationRequest()); });

        Assert.Empty(ecs.Requests);
    }
}
