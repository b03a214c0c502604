using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Errors;

public class ErrorMappingTests
{
    public static IEnumerable<object[]> DocumentedErrors() => new[]
    {
        new object[] { 404, "ActivationId.NotFound", typeof(ActivationNotFoundException) },
        new object[] { 404, "InvalidRegionId.NotFound", typeof(InvalidRegionIdException) },
        new object[] { 400, "RegionId.ApiNotSupported", typeof(RegionNotSupportedException) },
        new object[] { 403, "Operation.Forbidden", typeof(OperationForbiddenException) },
        new object[] { 403, "ActivationId.InUse", typeof(ActivationInUseException) },
        new object[] { 400, "Throttling.User", typeof(ThrottlingException) },
        new object[] { 400, "Throttling.Api", typeof(ThrottlingException) },
        new object[] { 404, "InvalidAccessKeyId.NotFound", typeof(EcsAuthenticationException) },
        new object[] { 400, "InvalidSecurityToken.Expired", typeof(EcsAuthenticationException) },
        new object[] { 400, "InvalidTimeStamp.Expired", typeof(EcsAuthenticationException) },
        new object[] { 400, "SignatureNonceUsed", typeof(EcsAuthenticationException) },
        new object[] { 400, "SignatureDoesNotMatch", typeof(SignatureMismatchException) },
        new object[] { 400, "MissingActivationId", typeof(EcsServiceException) },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Error_code_maps_to_its_exception_with_every_field(int status, string code, Type expected)
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json((HttpStatusCode)status, ApiResponses.Error(code, "The message.", "REQ-42")));
        using var client = ClientFactory.Create(mock, o => o.RetryThrottling = false);

        var e = await Assert.ThrowsAnyAsync<EcsServiceException>(() => client.DisableActivationAsync("id-1"));

        Assert.IsType(expected, e);
        Assert.Equal(status, e.StatusCode);
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal("REQ-42", e.RequestId);
        Assert.Equal("ecs-cn-hangzhou.aliyuncs.com", e.HostId);
        Assert.Equal("https://api.aliyun.com/troubleshoot?q=" + code, e.Recommend);
        Assert.Contains(code, e.Message);
        Assert.Contains("REQ-42", e.Message);
    }

    [Fact]
    public async Task Mapping_follows_the_code_not_the_status()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.BadRequest, ApiResponses.Error("ActivationId.NotFound", "The specified activation id does not exist.")));
        using var client = ClientFactory.Create(mock);

        await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DisableActivationAsync("id-1"));
    }

    [Fact]
    public async Task Xml_error_body_is_parsed()
    {
        const string xml = """
            <?xml version='1.0' encoding='UTF-8'?><Error><RequestId>REQ-XML</RequestId><HostId>ecs.aliyuncs.com</HostId><Code>ActivationId.NotFound</Code><Message>The specified activation id does not exist.</Message><Recommend>https://example</Recommend></Error>
            """;
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.NotFound, "text/xml", xml);
        using var client = ClientFactory.Create(mock);

        var e = await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal("REQ-XML", e.RequestId);
        Assert.Equal("The specified activation id does not exist.", e.ServiceMessage);
    }

    [Fact]
    public async Task Empty_error_body_still_gives_status_and_request_id_from_header()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(string.Empty) };
            response.Headers.Add("x-acs-request-id", "REQ-HEADER");
            return response;
        });
        using var client = ClientFactory.Create(mock);

        var e = await Assert.ThrowsAsync<EcsServiceException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(403, e.StatusCode);
        Assert.Null(e.ErrorCode);
        Assert.Equal("REQ-HEADER", e.RequestId);
        Assert.Contains("no body", e.ServiceMessage);
    }

    [Fact]
    public async Task Persistent_html_503_ends_as_service_exception_without_the_body_text_and_all_attempts()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.ServiceUnavailable, "text/html", "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
        using var client = ClientFactory.Create(mock);

        var e = await Assert.ThrowsAsync<EcsServiceException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(503, e.StatusCode);
        Assert.Equal(4, e.Attempts);
        Assert.True(e.IsTransient);
        Assert.Contains("not an Alibaba Cloud error document", e.ServiceMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Temporarily", e.ToString(), StringComparison.Ordinal); // a body may hold anything: never quoted
        Assert.Contains("4 attempts: 4x HTTP 503", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_error_body_is_not_read_but_still_reported()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.BadRequest, "text/plain", new string('x', 200_000));
        using var client = ClientFactory.Create(mock);

        var e = await Assert.ThrowsAsync<EcsServiceException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(400, e.StatusCode);
        Assert.True(e.Message.Length < 1000);
    }

    [Fact]
    public async Task Throttling_exception_carries_the_server_retry_after_hint()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            var response = ApiResponses.Json(HttpStatusCode.BadRequest, ApiResponses.Error("Throttling.User", "slow down"));
            response.Headers.Add("x-acs-retry-after", "1500");
            return response;
        });
        using var client = ClientFactory.Create(mock, o => o.RetryThrottling = false);

        var e = await Assert.ThrowsAsync<ThrottlingException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), e.RetryAfter);
    }

    [Fact]
    public void Exceptions_are_constructible_for_users_test_doubles()
    {
        var e = new ActivationNotFoundException(new EcsError(404, EcsErrorCodes.ActivationNotFound, "gone", "REQ-1"));

        Assert.Equal(EcsErrorCodes.ActivationNotFound, e.ErrorCode);
        Assert.Equal(1, e.Attempts);
        Assert.IsAssignableFrom<EcsException>(e);
    }
}
