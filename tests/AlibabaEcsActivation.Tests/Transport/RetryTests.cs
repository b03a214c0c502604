using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

public class RetryTests
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly List<RecordedRequest> _sent = new();

    private void Respond(Func<HttpResponseMessage> response) =>
        _mock.Expect("*").With(r => { _sent.Add(RecordedRequest.From(r)); return true; }).Respond(_ => response());

    private static HttpResponseMessage Dispatch() =>
        ApiResponses.Json(HttpStatusCode.InternalServerError, ApiResponses.Error("InternalError.Dispatch", "An error occurred when you dispatched the request."));

    private static HttpResponseMessage Ok() => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped);

    [Fact]
    public async Task Retry_uses_fresh_nonce_timestamp_and_signature_on_every_attempt()
    {
        Respond(Dispatch);
        Respond(Dispatch);
        Respond(Ok);
        using var client = ClientFactory.Create(_mock);

        DisableActivationResponse response = await client.DisableActivationAsync(ApiResponses.DocActivationId);

        Assert.True(response.Activation.Disabled);
        Assert.Equal(3, _sent.Count);
        Assert.Equal(3, _sent.Select(r => r["SignatureNonce"]).Distinct().Count());
        Assert.Equal(3, _sent.Select(r => r["Timestamp"]).Distinct().Count());
        Assert.Equal(3, _sent.Select(r => r["Signature"]).Distinct().Count());
    }

    [Fact]
    public async Task Retried_attempts_carry_the_retry_attempts_header()
    {
        Respond(Dispatch);
        Respond(Ok);
        using var client = ClientFactory.Create(_mock);

        await client.DisableActivationAsync("id-1");

        Assert.False(_sent[0].Headers.ContainsKey("x-acs-retry-attempts"));
        Assert.Equal("1", _sent[1].Headers["x-acs-retry-attempts"]);
    }

    [Fact]
    public async Task Dispatch_error_on_every_attempt_throws_DispatchErrorException_after_max_retries()
    {
        for (int i = 0; i < 4; i++)
        {
            Respond(Dispatch);
        }

        using var client = ClientFactory.Create(_mock);

        var e = await Assert.ThrowsAsync<DispatchErrorException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(4, e.Attempts);
        Assert.Equal(4, _sent.Count);
        Assert.Equal(500, e.StatusCode);
        Assert.Equal("REQ-ERR-1", e.RequestId);
    }

    [Fact]
    public async Task MaxRetries_zero_sends_exactly_one_attempt()
    {
        Respond(Dispatch);
        using var client = ClientFactory.Create(_mock, o => o.MaxRetries = 0);

        var e = await Assert.ThrowsAsync<DispatchErrorException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(1, e.Attempts);
    }

    [Fact]
    public async Task Html_503_page_is_retried_as_a_server_fault()
    {
        Respond(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html><body>503 Service Temporarily Unavailable</body></html>", System.Text.Encoding.UTF8, "text/html") });
        Respond(Ok);
        using var client = ClientFactory.Create(_mock);

        await client.DisableActivationAsync("id-1");

        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task ServiceUnavailable_code_is_retried()
    {
        Respond(() => ApiResponses.Json(HttpStatusCode.ServiceUnavailable, ApiResponses.Error("ServiceUnavailable", "The request has failed due to a temporary failure of the server.")));
        Respond(Ok);
        using var client = ClientFactory.Create(_mock);

        await client.DisableActivationAsync("id-1");

        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task Throttling_is_retried_by_default()
    {
        Respond(() => ApiResponses.Json(HttpStatusCode.BadRequest, ApiResponses.Error("Throttling.User", "Request was denied due to user flow control.")));
        Respond(Ok);
        using var client = ClientFactory.Create(_mock);

        await client.DisableActivationAsync("id-1");

        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task Throttling_is_not_retried_when_RetryThrottling_is_off()
    {
        Respond(() => ApiResponses.Json(HttpStatusCode.BadRequest, ApiResponses.Error("Throttling.User", "Request was denied due to user flow control.")));
        using var client = ClientFactory.Create(_mock, o => o.RetryThrottling = false);

        var e = await Assert.ThrowsAsync<ThrottlingException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(1, e.Attempts);
        Assert.Equal("Throttling.User", e.ErrorCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "ActivationId.NotFound")]
    [InlineData(HttpStatusCode.Forbidden, "Operation.Forbidden")]
    [InlineData(HttpStatusCode.BadRequest, "MissingActivationId")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidParameter")]
    [InlineData(HttpStatusCode.NotFound, "InvalidAccessKeyId.NotFound")]
    [InlineData(HttpStatusCode.BadRequest, "SignatureDoesNotMatch")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidTimeStamp.Expired")]
    [InlineData(HttpStatusCode.BadRequest, "SignatureNonceUsed")]
    [InlineData(HttpStatusCode.Forbidden, "Forbidden.RAM")]
    public async Task Client_errors_are_never_retried(HttpStatusCode status, string code)
    {
        Respond(() => ApiResponses.Json(status, ApiResponses.Error(code, "no")));
        using var client = ClientFactory.Create(_mock);

        var e = await Assert.ThrowsAnyAsync<EcsServiceException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(1, e.Attempts);
        Assert.Single(_sent);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task Connection_failure_is_retried_then_reported_as_EcsConnectionException()
    {
        for (int i = 0; i < 4; i++)
        {
            _mock.Expect("*").With(r => { _sent.Add(RecordedRequest.From(r)); return true; }).Throw(new HttpRequestException("Connection refused (ecs-cn-hangzhou.aliyuncs.com:443)"));
        }

        using var client = ClientFactory.Create(_mock);

        var e = await Assert.ThrowsAsync<EcsConnectionException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(4, e.Attempts);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.Contains("ecs-cn-hangzhou.aliyuncs.com", e.Message);
        Assert.DoesNotContain("Signature", e.Message);
    }

    [Fact]
    public async Task Connection_failure_followed_by_success_returns_the_result()
    {
        _mock.Expect("*").With(r => { _sent.Add(RecordedRequest.From(r)); return true; }).Throw(new HttpRequestException("reset"));
        Respond(Ok);
        using var client = ClientFactory.Create(_mock);

        var response = await client.DisableActivationAsync("id-1");

        Assert.Equal(ApiResponses.DocRequestId, response.RequestId);
        Assert.NotEqual(_sent[0]["SignatureNonce"], _sent[1]["SignatureNonce"]);
    }
}
