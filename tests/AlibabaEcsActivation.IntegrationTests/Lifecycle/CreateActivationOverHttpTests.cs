using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Lifecycle;

/// <summary>CreateActivation end to end: the SDK over loopback HTTP against the emulator.</summary>
public class CreateActivationOverHttpTests : LoopbackEmulatorTest
{
    [Fact]
    public async Task Create_returns_a_new_id_and_a_code_string_shaped_like_the_documented_one()
    {
        using var client = CreateClient();

        CreateActivationResponse created = await client.CreateActivationAsync(new CreateActivationRequest { InstanceName = "rack12" });

        Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$", created.ActivationId);
        Assert.Matches("^a-[A-Za-z0-9+]{29}$", created.ActivationCode);
        Assert.False(string.IsNullOrEmpty(created.RequestId));
    }

    [Fact]
    public async Task Create_stores_every_field_it_was_given()
    {
        using var client = CreateClient();

        CreateActivationResponse created = await client.CreateActivationAsync(new CreateActivationRequest
        {
            InstanceName = "web.node_1:a-b",
            Description = "Servers in rack 12",
            InstanceCount = 5,
            TimeToLiveInHours = 72,
            IpAddressRange = "10.0.0.0/8",
            ResourceGroupId = "rg-123abc",
        });

        EmulatedActivation stored = Emulator.Activations.Find("cn-hangzhou", created.ActivationId)!;
        Assert.Equal(
            ("web.node_1:a-b", "Servers in rack 12", 5, 72L, "10.0.0.0/8", "rg-123abc", false, 0),
            (stored.InstanceName, stored.Description, stored.InstanceCount, stored.TimeToLiveInHours, stored.IpAddressRange, stored.ResourceGroupId, stored.Disabled, stored.RegisteredCount));
    }

    [Fact]
    public async Task Create_without_counts_applies_the_documented_defaults()
    {
        using var client = CreateClient();

        CreateActivationResponse created = await client.CreateActivationAsync(new CreateActivationRequest());

        EmulatedActivation stored = Emulator.Activations.Find("cn-hangzhou", created.ActivationId)!;
        Assert.Equal((10, 4L), (stored.InstanceCount, stored.TimeToLiveInHours));
    }

    [Fact]
    public async Task Tags_round_trip_from_create_to_describe_as_TagKey_and_TagValue()
    {
        using var client = CreateClient();
        CreateActivationResponse created = await client.CreateActivationAsync(new CreateActivationRequest
        {
            Tags = new[] { new Tag("team", "ops"), new Tag("env", string.Empty), new Tag("owner", "a+b/c=d&e") },
        });

        DescribeActivationsResponse page = await client.DescribeActivationsAsync(new DescribeActivationsRequest { ActivationId = created.ActivationId });

        Activation listed = Assert.Single(page.ActivationList);
        Assert.Equal(new[] { "team=ops", "env=", "owner=a+b/c=d&e" }, listed.Tags.Select(t => t.ToString()));
    }

    [Fact]
    public async Task ClientToken_is_the_same_on_every_retry_while_the_nonce_is_fresh()
    {
        Emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch, count: 2, action: "CreateActivation");
        using var client = CreateClient();
        int before = Emulator.Activations.Count;

        await client.CreateActivationAsync(new CreateActivationRequest { InstanceName = "rack12" });

        var sent = Emulator.Requests.Snapshot();
        Assert.Equal(new[] { "InternalError.Dispatch", "InternalError.Dispatch", null }, sent.Select(r => r.ErrorCode));
        Assert.Single(sent.Select(r => r.Parameters["ClientToken"]).Distinct());
        Assert.Equal(3, sent.Select(r => r.SignatureNonce).Distinct().Count());
        Assert.Equal(before + 1, Emulator.Activations.Count);
    }

    [Fact]
    public async Task Same_ClientToken_twice_returns_the_same_activation_and_creates_one()
    {
        using var client = CreateClient();
        var request = new CreateActivationRequest { InstanceName = "rack12", ClientToken = "token-123" };
        int before = Emulator.Activations.Count;

        CreateActivationResponse first = await client.CreateActivationAsync(request);
        CreateActivationResponse second = await client.CreateActivationAsync(request);

        Assert.Equal(first.ActivationId, second.ActivationId);
        Assert.Equal(first.ActivationCode, second.ActivationCode);
        Assert.Equal(before + 1, Emulator.Activations.Count);
    }

    [Fact]
    public async Task Same_ClientToken_from_another_account_creates_another_activation()
    {
        Emulator.Credentials.AddAccessKey("otherid", "othersecret");
        using var client = CreateClient();
        using var other = CreateClient(o => (o.AccessKeyId, o.AccessKeySecret) = ("otherid", "othersecret"));

        CreateActivationResponse mine = await client.CreateActivationAsync(new CreateActivationRequest { ClientToken = "shared-token" });
        CreateActivationResponse theirs = await other.CreateActivationAsync(new CreateActivationRequest { ClientToken = "shared-token" });

        Assert.NotEqual(mine.ActivationId, theirs.ActivationId);
    }

    [Fact]
    public async Task Calls_without_a_ClientToken_get_distinct_generated_tokens()
    {
        using var client = CreateClient();

        CreateActivationResponse first = await client.CreateActivationAsync(new CreateActivationRequest());
        CreateActivationResponse second = await client.CreateActivationAsync(new CreateActivationRequest());

        Assert.NotEqual(first.ActivationId, second.ActivationId);
        Assert.Equal(2, Emulator.Requests.Snapshot().Select(r => r.Parameters["ClientToken"]).Distinct().Count());
    }

    [Theory]
    [InlineData("InstanceName", "1rack", "InvalidInstanceName.Malformed")]
    [InlineData("InstanceName", "rack/12", "InvalidInstanceName.Malformed")]
    [InlineData("InstanceCount", "1001", "InvalidInstanceCount.Malformed")]
    [InlineData("TimeToLiveInHours", "876577", "InvalidTimeToLiveInHours.Malformed")]
    [InlineData("IpAddressRange", "not-an-ip", "InvalidIpAddressRange.Malformed")]
    [InlineData("ResourceGroupId", "group-1", "InvalidResourceGroupId.Malformed")]
    public async Task What_the_client_leaves_to_the_service_is_refused_by_the_emulator(string field, string value, string expectedCode)
    {
        using var client = CreateClient();
        var request = field switch
        {
            "InstanceName" => new CreateActivationRequest { InstanceName = value },
            "InstanceCount" => new CreateActivationRequest { InstanceCount = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "TimeToLiveInHours" => new CreateActivationRequest { TimeToLiveInHours = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "IpAddressRange" => new CreateActivationRequest { IpAddressRange = value },
            _ => new CreateActivationRequest { ResourceGroupId = value },
        };
        int before = Emulator.Activations.Count;

        var e = await Assert.ThrowsAsync<EcsServiceException>(() => client.CreateActivationAsync(request));

        Assert.Equal((400, expectedCode), (e.StatusCode, e.ErrorCode));
        Assert.Equal(before, Emulator.Activations.Count);
    }
}
