using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Lifecycle;
using Xunit;

namespace AlibabaEcsActivation.Tests.Faults;

/// <summary>
/// An attempt whose answer is lost may still have been carried out. Each action answers that the way
/// its semantics allow: Disable and Describe ask again, Create asks again with the same ClientToken,
/// Delete reads a later NotFound as "deleted by the earlier attempt".
/// </summary>
public class AmbiguousOutcomeTests
{
    private static HttpResponseMessage Drop() => throw new HttpRequestException("reset", new IOException("connection reset by peer"));

    private static HttpResponseMessage NotFound() =>
        FakeEcsService.Error(HttpStatusCode.NotFound, "ActivationId.NotFound", "The specified activation id does not exist.");

    [Fact]
    public async Task Delete_that_finds_the_code_gone_after_a_lost_answer_reports_it_deleted_by_the_earlier_attempt()
    {
        using var ecs = new FakeEcsService(FakeEcsService.Script(Drop, NotFound));
        using var client = ecs.CreateClient();

        DeleteActivationResponse response = await client.DeleteActivationAsync("act-1");

        Assert.True(response.DeletedByEarlierAttempt);
        Assert.Null(response.Activation);
        Assert.Equal("req-ActivationId.NotFound", response.RequestId);
        Assert.Equal(2, ecs.Requests.Count);
        Assert.Equal((404, "req-ActivationId.NotFound", 2), (response.ResponseMetadata.StatusCode, response.ResponseMetadata.RequestId, response.ResponseMetadata.Attempts));
        Assert.Contains("DeletedByEarlierAttempt = True", response.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("html")]
    public async Task Delete_after_an_unreadable_answer_then_NotFound_reports_it_deleted(string firstAnswer)
    {
        HttpResponseMessage First() => firstAnswer == "truncated"
            ? FakeEcsService.Json("""{"RequestId":"r","Activation":{"ActivationId":"act""")
            : new HttpResponseMessage(HttpStatusCode.GatewayTimeout) { Content = new StringContent("<html>504</html>") };
        using var ecs = new FakeEcsService(FakeEcsService.Script(First, NotFound));
        using var client = ecs.CreateClient();

        DeleteActivationResponse response = await client.DeleteActivationAsync("act-1");

        Assert.True(response.DeletedByEarlierAttempt);
    }

    [Fact]
    public async Task Delete_of_a_missing_code_on_the_first_attempt_is_NotFound()
    {
        using var ecs = new FakeEcsService(FakeEcsService.Script(NotFound));
        using var client = ecs.CreateClient();

        await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DeleteActivationAsync("act-1"));
        Assert.Single(ecs.Requests);
    }

    [Fact]
    public async Task Delete_after_a_documented_server_error_then_NotFound_is_NotFound()
    {
        // The error document says the earlier attempt failed: nothing was deleted by it.
        using var ecs = new FakeEcsService(FakeEcsService.Script(() => FakeEcsService.Error(HttpStatusCode.InternalServerError, "InternalError.Dispatch"), NotFound));
        using var client = ecs.CreateClient();

        var e = await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DeleteActivationAsync("act-1"));

        Assert.Equal(2, e.Attempts);
        Assert.Contains("2 attempts: 1x InternalError.Dispatch, 1x ActivationId.NotFound", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_after_a_connection_that_was_never_made_then_NotFound_is_NotFound()
    {
        static HttpResponseMessage Refused() => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        using var ecs = new FakeEcsService(FakeEcsService.Script(Refused, NotFound));
        using var client = ecs.CreateClient();

        await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DeleteActivationAsync("act-1"));
    }

    [Fact]
    public async Task Disable_whose_answer_says_not_disabled_is_asked_again()
    {
        using var ecs = new FakeEcsService(FakeEcsService.Script(() => FakeEcsService.ActivationBody("act-1", disabled: false), () => FakeEcsService.ActivationBody("act-1")));
        using var client = ecs.CreateClient();

        DisableActivationResponse response = await client.DisableActivationAsync("act-1");

        Assert.True(response.Activation.Disabled);
        Assert.Equal(2, ecs.Requests.Count);
    }

    [Fact]
    public async Task Disable_after_a_lost_answer_is_asked_again_and_succeeds()
    {
        using var ecs = new FakeEcsService(FakeEcsService.Script(Drop, () => FakeEcsService.Json("""{"RequestId":"r","Activation":{"Disabl"""), () => FakeEcsService.ActivationBody("act-1")));
        using var client = ecs.CreateClient();

        DisableActivationResponse response = await client.DisableActivationAsync("act-1");

        Assert.Equal(("act-1", true), (response.Activation.ActivationId, response.Activation.Disabled));
        Assert.Equal(3, ecs.Requests.Count);
    }

    [Fact]
    public async Task Create_after_a_cut_answer_asks_again_with_the_same_ClientToken_and_returns_it()
    {
        const string created = """{"RequestId":"r","ActivationId":"act-new","ActivationCode":"a-hzSECRETCODE0000000000000****"}""";
        using var ecs = new FakeEcsService(FakeEcsService.Script(() => FakeEcsService.Json(created[..40]), () => FakeEcsService.Json(created)));
        using var client = ecs.CreateClient();

        CreateActivationResponse response = await client.CreateActivationAsync(new CreateActivationRequest { InstanceName = "rack12" });

        Assert.Equal(2, ecs.Requests.Count);
        Assert.Equal(ecs.Requests[0]["ClientToken"], ecs.Requests[1]["ClientToken"]);
        Assert.Equal(ecs.Requests[0]["ClientToken"], response.ClientToken);
        Assert.Equal("act-new", response.ActivationId);
        Assert.DoesNotContain("SECRETCODE", response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_that_fails_carries_the_ClientToken_to_recover_the_code_with()
    {
        using var ecs = new FakeEcsService(_ => Drop());
        using var client = ecs.CreateClient(maxRetries: 1);

        var e = await Assert.ThrowsAsync<EcsConnectionException>(() => client.CreateActivationAsync(new CreateActivationRequest()));

        Assert.NotNull(e.ClientToken);
        Assert.All(ecs.Requests, r => Assert.Equal(e.ClientToken, r["ClientToken"]));
    }

    [Fact]
    public async Task Create_uses_the_callers_ClientToken_on_the_response_and_on_failure()
    {
        using var ok = new FakeEcsService(_ => FakeEcsService.Json("""{"RequestId":"r","ActivationId":"act-new","ActivationCode":"a-hz0000"}"""));
        using var okClient = ok.CreateClient();
        using var failing = new FakeEcsService(_ => FakeEcsService.Error(HttpStatusCode.Forbidden, "Operation.Forbidden"));
        using var failingClient = failing.CreateClient();

        CreateActivationResponse response = await okClient.CreateActivationAsync(new CreateActivationRequest { ClientToken = "my-token-1" });
        var e = await Assert.ThrowsAsync<OperationForbiddenException>(() => failingClient.CreateActivationAsync(new CreateActivationRequest { ClientToken = "my-token-2" }));

        Assert.Equal(("my-token-1", "my-token-2"), (response.ClientToken, e.ClientToken));
    }

    [Fact]
    public async Task Create_answered_with_an_error_status_and_a_success_body_never_quotes_the_code()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(
            """{"RequestId":"r","ActivationId":"act-new","ActivationCode":"a-hzSECRETCODE0000000000000****"}""", HttpStatusCode.BadGateway));
        using var client = ecs.CreateClient(maxRetries: 0);

        var e = await Assert.ThrowsAsync<EcsServiceException>(() => client.CreateActivationAsync(new CreateActivationRequest()));

        Assert.DoesNotContain("SECRETCODE", e.ToString(), StringComparison.Ordinal);
        Assert.Equal(502, e.StatusCode);
    }

    [Fact]
    public async Task Timeout_message_names_what_each_attempt_met()
    {
        // The HttpClient's own Timeout surfaces as a cancellation that is not the caller's: an attempt timeout.
        using var ecs = new FakeEcsService(FakeEcsService.Script(
            () => FakeEcsService.Error(HttpStatusCode.InternalServerError, "InternalError.Dispatch"),
            () => throw new TaskCanceledException("HttpClient.Timeout")));
        using var client = ecs.CreateClient(maxRetries: 2);

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => client.DisableActivationAsync("act-1"));

        Assert.Equal(3, e.Attempts);
        Assert.Contains("3 attempts: 1x InternalError.Dispatch, 2x AttemptTimeout", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("each of", e.Message, StringComparison.Ordinal);
    }
}
