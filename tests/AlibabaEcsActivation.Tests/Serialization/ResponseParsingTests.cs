using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.Serialization;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Serialization;

public class ResponseParsingTests
{
    private static DisableActivationResponse Parse(string json) =>
        JsonSerializer.Deserialize(json, EcsJsonContext.Default.DisableActivationResponse)!;

    [Theory]
    [InlineData(ApiResponses.DisableSuccessTyped)]
    [InlineData(ApiResponses.DisableSuccessStrings)]
    public void Both_documented_examples_map_every_field(string json)
    {
        DisableActivationResponse response = Parse(json);
        Activation a = response.Activation;

        Assert.Equal(ApiResponses.DocRequestId, response.RequestId);
        Assert.Equal(ApiResponses.DocActivationId, a.ActivationId);
        Assert.Equal(new DateTimeOffset(2021, 1, 20, 6, 0, 0, TimeSpan.Zero), a.CreationTime);
        Assert.Equal(1, a.DeregisteredCount);
        Assert.Equal("This is description.", a.Description);
        Assert.True(a.Disabled);
        Assert.Equal(1, a.InstanceCount);
        Assert.Equal("test-InstanceName", a.InstanceName);
        Assert.Equal(1, a.RegisteredCount);
        Assert.Equal(4L, a.TimeToLiveInHours);
    }

    [Fact]
    public void Empty_IpAddressRange_is_kept_empty()
    {
        Assert.Equal(string.Empty, Parse(ApiResponses.DisableSuccessStrings).Activation.IpAddressRange);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("\"false\"", false)]
    [InlineData("\"False\"", false)]
    [InlineData("\"true\"", true)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    public void Disabled_accepts_booleans_strings_and_numbers(string raw, bool expected)
    {
        Assert.Equal(expected, Parse("{\"Activation\":{\"Disabled\":" + raw + "}}").Activation.Disabled);
    }

    [Theory]
    [InlineData("4", 4L)]
    [InlineData("\"4\"", 4L)]
    [InlineData("\" 12 \"", 12L)]
    [InlineData("\"\"", 0L)]
    [InlineData("null", 0L)]
    [InlineData("4.0", 4L)]
    [InlineData("8760000000", 8760000000L)]
    public void TimeToLiveInHours_accepts_numbers_and_numeric_strings(string raw, long expected)
    {
        Assert.Equal(expected, Parse("{\"Activation\":{\"TimeToLiveInHours\":" + raw + "}}").Activation.TimeToLiveInHours);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("4.5")]
    [InlineData("\"9999999999\"")]
    [InlineData("{}")]
    public void Counts_that_are_not_32_bit_integers_are_rejected(string raw)
    {
        Assert.ThrowsAny<JsonException>(() => Parse("{\"Activation\":{\"InstanceCount\":" + raw + "}}"));
    }

    [Fact]
    public void Unknown_fields_and_lower_case_names_are_tolerated()
    {
        var response = Parse("""{"requestId":"r","Extra":{"deep":[1,2]},"activation":{"activationId":"a","NewField":"x","Disabled":true}}""");

        Assert.Equal("r", response.RequestId);
        Assert.Equal("a", response.Activation.ActivationId);
        Assert.True(response.Activation.Disabled);
    }

    [Fact]
    public void Number_sent_for_a_string_field_is_read_as_its_text()
    {
        Assert.Equal("12345", Parse("""{"RequestId":12345,"Activation":{}}""").RequestId);
    }

    [Fact]
    public void Creation_time_with_fraction_is_read_as_utc()
    {
        var time = Parse("""{"Activation":{"CreationTime":"2021-01-20T06:00:00.123Z"}}""").Activation.CreationTime;

        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(123, time.Millisecond);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>OK</body></html>")]
    [InlineData("{\"RequestId\":\"r\"}")]
    [InlineData("{\"RequestId\":\"r\",\"Activation\":{\"Disabled\":\"maybe\"}}")]
    [InlineData("{\"RequestId\":\"r\",\"Activation\":")]
    [InlineData("null")]
    [InlineData("{\"RequestId\":\"r\",\"Activation\":{\"ActivationId\":\"id-1\",\"Disabled\":false}}")]
    [InlineData("{\"RequestId\":\"r\",\"Activation\":{\"ActivationId\":\"\\ud800\",\"Disabled\":true}}")]
    public async Task Odd_success_bodies_are_retried_then_throw_EcsInvalidResponseException(string body)
    {
        // The service may have disabled the code before the answer went wrong: asking again is safe and tells.
        int calls = 0;
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            calls++;
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) };
            response.Headers.Add("x-acs-request-id", "REQ-ODD");
            return response;
        });
        using var client = ClientFactory.Create(mock);

        var e = await Assert.ThrowsAsync<EcsInvalidResponseException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(EcsErrorCodes.InvalidResponse, e.ErrorCode);
        Assert.Equal(200, e.StatusCode);
        Assert.Equal("REQ-ODD", e.RequestId);
        Assert.Equal((4, 4), (e.Attempts, calls));
        Assert.Contains("4 attempts: 4x SDK.InvalidResponse", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Odd_success_body_then_a_good_one_succeeds()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("*").Respond("application/json", "{\"RequestId\":\"r\",\"Activation\":");
        mock.Expect("*").Respond("application/json", "{\"RequestId\":\"r2\",\"Activation\":{\"ActivationId\":\"id-1\",\"Disabled\":true}}");
        using var client = ClientFactory.Create(mock);

        DisableActivationResponse response = await client.DisableActivationAsync("id-1");

        Assert.Equal(("r2", true), (response.RequestId, response.Activation.Disabled));
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Oversized_success_body_is_rejected()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.OK, "application/json", "{\"RequestId\":\"" + new string('x', 5 * 1024 * 1024) + "\"}");
        using var client = ClientFactory.Create(mock);

        var e = await Assert.ThrowsAsync<EcsInvalidResponseException>(() => client.DisableActivationAsync("id-1"));

        Assert.Contains("exceeded", e.ServiceMessage);
    }

    [Fact]
    public void Activation_ToString_shows_state_without_secrets()
    {
        string text = Parse(ApiResponses.DisableSuccessTyped).Activation.ToString();

        Assert.Contains(ApiResponses.DocActivationId, text);
        Assert.Contains("Disabled: True", text);
    }
}
