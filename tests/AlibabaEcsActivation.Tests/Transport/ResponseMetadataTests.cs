using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

/// <summary>Every response carries its <see cref="EcsResponseMetadata"/>: status, RequestId, attempts and elapsed time.</summary>
public class ResponseMetadataTests
{
    // The clock moves only when a test's handler advances it (and by a backoff's exact due time).
    private readonly TestClock _clock = new() { AutoAdvanceAmount = TimeSpan.Zero };

    private HttpResponseMessage After(TimeSpan serviceTime, HttpStatusCode status, string body, string? requestIdHeader = null)
    {
        _clock.Advance(serviceTime);
        HttpResponseMessage response = ApiResponses.Json(status, body);
        if (requestIdHeader is not null)
        {
            response.Headers.Add("x-acs-request-id", requestIdHeader);
        }

        return response;
    }

    private EcsActivationClient Client(MockHttpMessageHandler mock) => ClientFactory.Create(mock, o => o.TimeProvider = _clock);

    [Fact]
    public async Task A_first_time_success_carries_status_request_id_one_attempt_and_the_fake_clocks_elapsed_time()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => After(TimeSpan.FromMilliseconds(1250), HttpStatusCode.OK, ApiResponses.DisableSuccessTyped, "REQ-HEADER"));
        using var client = Client(mock);

        DisableActivationResponse response = await client.DisableActivationAsync("id-1");

        EcsResponseMetadata metadata = response.ResponseMetadata;
        Assert.Equal(200, metadata.StatusCode);
        Assert.Equal("REQ-HEADER", metadata.RequestId);
        Assert.Equal(1, metadata.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(1250), metadata.Elapsed);
    }

    [Fact]
    public async Task A_success_after_one_retry_counts_two_attempts_and_the_time_of_both_and_the_backoff()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("*").Respond(_ => After(TimeSpan.FromSeconds(2), HttpStatusCode.InternalServerError, ApiResponses.Error("InternalError.Dispatch", "x", "REQ-1")));
        mock.Expect("*").Respond(_ => After(TimeSpan.FromSeconds(3), HttpStatusCode.OK, ApiResponses.DisableSuccessTyped, "REQ-2"));
        TimeSpan backoff = TimeSpan.Zero;
        _clock.TimerCreated = due => backoff += due <= _clock.InstantUpTo ? due : TimeSpan.Zero;
        using var client = Client(mock);

        DisableActivationResponse response = await client.DisableActivationAsync("id-1");

        Assert.Equal(2, response.ResponseMetadata.Attempts);
        Assert.Equal(200, response.ResponseMetadata.StatusCode);
        Assert.Equal("REQ-2", response.ResponseMetadata.RequestId);
        Assert.Equal(TimeSpan.FromSeconds(5) + backoff, response.ResponseMetadata.Elapsed);
    }

    [Fact]
    public async Task Without_a_request_id_header_the_bodys_request_id_is_used()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => After(TimeSpan.FromSeconds(1), HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        using var client = Client(mock);

        DisableActivationResponse response = await client.DisableActivationAsync("id-1");

        Assert.Equal(ApiResponses.DocRequestId, response.ResponseMetadata.RequestId);
    }

    [Fact]
    public async Task Create_describe_and_delete_responses_carry_metadata_too()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request =>
        {
            string body = request.RequestUri!.Query.Contains("Action=CreateActivation", StringComparison.Ordinal)
                ? """{"RequestId":"r-create","ActivationId":"act-1","ActivationCode":"a-SECRET-CODE"}"""
                : request.RequestUri.Query.Contains("Action=DescribeActivations", StringComparison.Ordinal)
                    ? """{"RequestId":"r-describe","ActivationList":[],"NextToken":""}"""
                    : """{"RequestId":"r-delete","Activation":{"ActivationId":"act-1"}}""";
            return After(TimeSpan.FromSeconds(1), HttpStatusCode.OK, body);
        });
        using var client = Client(mock);

        CreateActivationResponse created = await client.CreateActivationAsync(new CreateActivationRequest());
        DescribeActivationsResponse page = await client.DescribeActivationsAsync(new DescribeActivationsRequest());
        DeleteActivationResponse deleted = await client.DeleteActivationAsync("act-1");

        Assert.Equal("EcsResponseMetadata { StatusCode = 200, RequestId = r-create, Attempts = 1, Elapsed = 00:00:01 }", created.ResponseMetadata.ToString());
        Assert.Equal("r-describe", page.ResponseMetadata.RequestId);
        Assert.Equal("r-delete", deleted.ResponseMetadata.RequestId);
        Assert.DoesNotContain("SECRET", created.ResponseMetadata.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_built_by_hand_carries_zeros_or_the_metadata_it_is_given()
    {
        var metadata = new EcsResponseMetadata(200, "REQ-MOCK", 2, TimeSpan.FromSeconds(1));

        Assert.Equal(0, new DisableActivationResponse().ResponseMetadata.Attempts);
        Assert.Same(metadata, new DisableActivationResponse { ResponseMetadata = metadata }.ResponseMetadata);
        Assert.Equal(0, new DeleteActivationResponse { ResponseMetadata = null! }.ResponseMetadata.Attempts);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcsResponseMetadata(200, null, -1, TimeSpan.Zero));
    }
}
