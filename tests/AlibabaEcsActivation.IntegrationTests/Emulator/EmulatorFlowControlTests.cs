using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>
/// <see cref="EcsEmulatorOptions.FlowControlLimit"/>: a token bucket per AccessKey ID and action on the emulator's
/// clock, which here is a fake one that moves only when the test moves it.
/// </summary>
public sealed class EmulatorFlowControlTests : IDisposable
{
    private const string OtherId = "5ECEEE12-56F1-4FBC-9AB1-890F1234****";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));
    private readonly EcsEmulator _emulator;
    private readonly HttpClient _http;

    public EmulatorFlowControlTests()
    {
        _emulator = new EcsEmulator(new EcsEmulatorOptions { TimeProvider = _clock, FlowControlLimit = 4 });
        _http = new HttpClient(_emulator.CreateHandler());
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_request_beyond_the_limit_is_answered_Throttling_User_and_its_action_does_not_run()
    {
        _emulator.Activations.Put(EmulatedActivation.DocumentedExample with { ActivationId = OtherId });
        for (int i = 0; i < 4; i++)
        {
            Assert.Null(await CodeOfAsync(Request()));
        }

        using HttpResponseMessage response = await _http.SendAsync(Request().With("ActivationId", OtherId).Build());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("Throttling.User", body.RootElement.GetProperty("Code").GetString());
        Assert.Equal("Request was denied due to user flow control.", body.RootElement.GetProperty("Message").GetString());
        Assert.False(_emulator.Activations.Find("cn-hangzhou", OtherId)!.Disabled);
        RecordedRequest recorded = _emulator.Requests.Snapshot().Last();
        Assert.Equal(
            (RequestOutcome.Failed, (int?)400, "Throttling.User", (int?)null),
            (recorded.Outcome, recorded.StatusCode, recorded.ErrorCode, recorded.ActionStatusCode));
    }

    [Fact]
    public async Task After_the_burst_one_request_passes_exactly_every_second_divided_by_the_limit()
    {
        for (int i = 0; i < 4; i++)
        {
            Assert.Null(await CodeOfAsync(Request()));
        }

        // 4 per second: one more every 250 ms. Throttled requests take nothing, so they do not delay the next.
        _clock.Advance(TimeSpan.FromMilliseconds(250) - TimeSpan.FromTicks(1));
        Assert.Equal("Throttling.User", await CodeOfAsync(Request()));
        Assert.Equal("Throttling.User", await CodeOfAsync(Request()));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Null(await CodeOfAsync(Request()));
        Assert.Equal("Throttling.User", await CodeOfAsync(Request()));
    }

    [Fact]
    public async Task A_quiet_spell_refills_the_bucket_to_the_limit_and_no_further()
    {
        for (int i = 0; i < 4; i++)
        {
            await CodeOfAsync(Request());
        }

        _clock.Advance(TimeSpan.FromMinutes(1));

        string?[] codes = new string?[5];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = await CodeOfAsync(Request());
        }

        Assert.Equal(new string?[] { null, null, null, null, "Throttling.User" }, codes);
    }

    [Fact]
    public async Task Each_access_key_and_each_action_has_a_bucket_of_its_own()
    {
        _emulator.Credentials.AddAccessKey("otherid", "othersecret");
        for (int i = 0; i < 4; i++)
        {
            await CodeOfAsync(Request());
        }

        Assert.Equal("Throttling.User", await CodeOfAsync(Request()));
        Assert.Null(await CodeOfAsync(Request().With("Action", "DescribeActivations").With("ActivationId", null)));
        RawRequest otherKey = Request().With("AccessKeyId", "otherid");
        otherKey.Secret = "othersecret";
        Assert.Null(await CodeOfAsync(otherKey));
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcsEmulator(new EcsEmulatorOptions { FlowControlLimit = 0 }));
    }

    private RawRequest Request() => new(_clock.GetUtcNow());

    /// <summary>Sends and returns the JSON error code, or null for a success.</summary>
    private async Task<string?> CodeOfAsync(RawRequest request)
    {
        using HttpResponseMessage response = await _http.SendAsync(request.Build());
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("Code").GetString();
    }
}
