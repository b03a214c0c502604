using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AlibabaEcsActivation.Tests.Lifecycle;

public class CreateActivationTests
{
    private const string CreatedBody = """{"RequestId":"req-1","ActivationId":"4ECEEE12-56F1-4FBC-9AB1-890F1234ABCD","ActivationCode":"a-hz0ch3SwhOlE1234+Xo32lAZC0000"}""";

    [Fact]
    public async Task Create_sends_every_field_and_flattens_tags_in_list_order()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(CreatedBody));
        using var client = ecs.CreateClient();

        await client.CreateActivationAsync(new CreateActivationRequest
        {
            InstanceName = "web-server",
            Description = "rack 12",
            InstanceCount = 5,
            TimeToLiveInHours = 4,
            IpAddressRange = "10.0.0.0/8",
            ResourceGroupId = "rg-123",
            Tags = new[] { new Tag("team", "ops"), new Tag("env", "prod") },
            ClientToken = "token-1",
            RegionId = "cn-beijing",
        });

        var sent = Assert.Single(ecs.Requests);
        Assert.Equal("CreateActivation", sent["Action"]);
        Assert.Equal("web-server", sent["InstanceName"]);
        Assert.Equal("rack 12", sent["Description"]);
        Assert.Equal("5", sent["InstanceCount"]);
        Assert.Equal("4", sent["TimeToLiveInHours"]);
        Assert.Equal("10.0.0.0/8", sent["IpAddressRange"]);
        Assert.Equal("rg-123", sent["ResourceGroupId"]);
        Assert.Equal("token-1", sent["ClientToken"]);
        Assert.Equal("cn-beijing", sent["RegionId"]);
        Assert.Equal(("team", "ops", "env", "prod"), (sent["Tag.1.Key"], sent["Tag.1.Value"], sent["Tag.2.Key"], sent["Tag.2.Value"]));
    }

    [Fact]
    public async Task Create_sends_an_empty_tag_value_and_leaves_out_a_null_one()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(CreatedBody));
        using var client = ecs.CreateClient();

        await client.CreateActivationAsync(new CreateActivationRequest { Tags = new[] { new Tag("a", ""), new Tag("b", null) } });

        var sent = Assert.Single(ecs.Requests);
        Assert.Equal(string.Empty, sent["Tag.1.Value"]);
        Assert.Equal("b", sent["Tag.2.Key"]);
        Assert.False(sent.ContainsKey("Tag.2.Value"));
    }

    [Fact]
    public async Task Create_sends_no_optional_field_that_is_unset()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(CreatedBody));
        using var client = ecs.CreateClient();

        await client.CreateActivationAsync(new CreateActivationRequest());

        var business = Assert.Single(ecs.Requests).Keys
            .Except(new[] { "Action", "Format", "Version", "Timestamp", "SignatureNonce", "SignatureMethod", "SignatureVersion", "AccessKeyId", "Signature" });
        Assert.Equal(new[] { "ClientToken", "RegionId" }, business.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_generates_a_guid_client_token_when_none_is_given()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(CreatedBody));
        using var client = ecs.CreateClient();

        await client.CreateActivationAsync(new CreateActivationRequest());
        await client.CreateActivationAsync(new CreateActivationRequest());

        var tokens = ecs.Requests.Select(r => r["ClientToken"]).ToList();
        Assert.All(tokens, t => Assert.True(Guid.TryParse(t, out _), t));
        Assert.NotEqual(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task Create_keeps_the_generated_client_token_across_retries_with_fresh_nonces()
    {
        using var ecs = DispatchErrorThenCreated();
        using var client = ecs.CreateClient();

        await client.CreateActivationAsync(new CreateActivationRequest { InstanceName = "web" });

        Assert.Equal(2, ecs.Requests.Count);
        Assert.Equal(ecs.Requests[0]["ClientToken"], ecs.Requests[1]["ClientToken"]);
        Assert.NotEqual(ecs.Requests[0]["SignatureNonce"], ecs.Requests[1]["SignatureNonce"]);
    }

    [Fact]
    public async Task Create_sends_the_callers_client_token_on_every_attempt()
    {
        using var ecs = DispatchErrorThenCreated();
        using var client = ecs.CreateClient();

        await client.CreateActivationAsync(new CreateActivationRequest { ClientToken = "mine-123" });

        Assert.All(ecs.Requests, r => Assert.Equal("mine-123", r["ClientToken"]));
    }

    [Fact]
    public async Task Create_returns_the_activation_id_and_the_code_with_its_plus_sign()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(CreatedBody));
        using var client = ecs.CreateClient();

        CreateActivationResponse response = await client.CreateActivationAsync(new CreateActivationRequest());

        Assert.Equal(("req-1", "4ECEEE12-56F1-4FBC-9AB1-890F1234ABCD", "a-hz0ch3SwhOlE1234+Xo32lAZC0000"), (response.RequestId, response.ActivationId, response.ActivationCode));
    }

    [Fact]
    public void Create_response_ToString_never_shows_the_activation_code()
    {
        var response = new CreateActivationResponse { RequestId = "r", ActivationId = "id-1", ActivationCode = "a-SECRET+code" };

        string text = response.ToString();

        Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        Assert.Contains("id-1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_reports_a_response_without_activation_code_as_invalid_and_names_the_id()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json("""{"RequestId":"r","ActivationId":"id-7"}"""));
        using var client = ecs.CreateClient();

        var e = await Assert.ThrowsAsync<EcsInvalidResponseException>(() => client.CreateActivationAsync(new CreateActivationRequest()));

        Assert.Contains("id-7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_leaves_the_time_to_live_range_to_the_service()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(CreatedBody));
        using var client = ecs.CreateClient();

        await client.CreateActivationAsync(new CreateActivationRequest { TimeToLiveInHours = 8760 });

        Assert.Equal("8760", Assert.Single(ecs.Requests)["TimeToLiveInHours"]);
    }

    /// <summary>The first attempt fails with the retryable 500 InternalError.Dispatch, the next succeeds.</summary>
    private static FakeEcsService DispatchErrorThenCreated()
    {
        int attempt = 0;
        return new FakeEcsService(_ => Interlocked.Increment(ref attempt) == 1
            ? FakeEcsService.Error(HttpStatusCode.InternalServerError, "InternalError.Dispatch")
            : FakeEcsService.Json(CreatedBody));
    }

    public static IEnumerable<object[]> InvalidRequests() => new (string Case, CreateActivationRequest Request)[]
    {
        ("instance name too short", new() { InstanceName = "a" }),
        ("instance name too long", new() { InstanceName = new string('a', 51) }),
        ("empty description", new() { Description = "" }),
        ("description too long", new() { Description = new string('d', 101) }),
        ("zero instance count", new() { InstanceCount = 0 }),
        ("negative instance count", new() { InstanceCount = -3 }),
        ("21 tags", new() { Tags = Enumerable.Range(1, 21).Select(i => new Tag("k" + i, "v")).ToList() }),
        ("null tag", new() { Tags = new Tag[] { null! } }),
        ("empty tag key", new() { Tags = new[] { new Tag("", "v") } }),
        ("tag key too long", new() { Tags = new[] { new Tag(new string('k', 65), "v") } }),
        ("tag key starting with aliyun", new() { Tags = new[] { new Tag("aliyunTeam", "v") } }),
        ("tag key starting with acs:", new() { Tags = new[] { new Tag("acs:team", "v") } }),
        ("tag value too long", new() { Tags = new[] { new Tag("k", new string('v', 129)) } }),
        ("empty client token", new() { ClientToken = "" }),
        ("client token too long", new() { ClientToken = new string('t', 65) }),
        ("non-ASCII client token", new() { ClientToken = "tökén" }),
        ("malformed region", new() { RegionId = "CN Hangzhou" }),
    }.Select(c => new object[] { c.Case, c.Request });

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Create_rejects_an_invalid_request_before_any_io(string @case, CreateActivationRequest request)
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(CreatedBody));
        using var client = ecs.CreateClient();

        Assert.ThrowsAny<ArgumentException>(() => { _ = client.CreateActivationAsync(request); });

        Assert.True(ecs.Requests.Count == 0, @case);
    }

    [Fact]
    public async Task Create_accepts_the_documented_limits()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(CreatedBody));
        using var client = ecs.CreateClient();

        await client.CreateActivationAsync(new CreateActivationRequest
        {
            InstanceName = new string('a', 50),
            Description = new string('d', 100),
            InstanceCount = 1,
            Tags = Enumerable.Range(1, 20).Select(i => new Tag(new string('k', 62) + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), new string('v', 128))).ToList(),
            ClientToken = new string('t', 64),
        });

        Assert.Single(ecs.Requests);
    }
}
