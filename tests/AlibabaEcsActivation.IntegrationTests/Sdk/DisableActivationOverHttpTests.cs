using System;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Sdk;

/// <summary>The SDK over real loopback HTTP against the emulator: the happy path and the state it changes.</summary>
public class DisableActivationOverHttpTests : LoopbackEmulatorTest
{
    [Fact]
    public async Task Disable_returns_the_documented_activation_now_disabled()
    {
        using var client = CreateClient();

        DisableActivationResponse response = await client.DisableActivationAsync(SeededId);

        Activation a = response.Activation;
        Assert.Equal(SeededId, a.ActivationId);
        Assert.True(a.Disabled);
        Assert.Equal("test-InstanceName", a.InstanceName);
        Assert.Equal("This is description.", a.Description);
        Assert.Equal((1, 1, 1), (a.InstanceCount, a.RegisteredCount, a.DeregisteredCount));
        Assert.Equal(4, a.TimeToLiveInHours);
        Assert.Equal("0.0.0.0/0", a.IpAddressRange);
        Assert.Equal(new DateTimeOffset(2021, 1, 20, 6, 0, 0, TimeSpan.Zero), a.CreationTime);
        Assert.False(string.IsNullOrEmpty(response.RequestId));
    }

    [Fact]
    public async Task Disable_changes_the_emulator_state()
    {
        using var client = CreateClient();

        await client.DisableActivationAsync(SeededId);

        Assert.True(Emulator.Activations.Find("cn-hangzhou", SeededId)!.Disabled);
    }

    [Fact]
    public async Task Second_disable_returns_the_already_disabled_activation()
    {
        using var client = CreateClient();
        await client.DisableActivationAsync(SeededId);

        DisableActivationResponse second = await client.DisableActivationAsync(SeededId);

        Assert.True(second.Activation.Disabled);
        Assert.Equal(SeededId, second.Activation.ActivationId);
    }

    [Fact]
    public async Task Disable_in_one_region_leaves_the_same_id_in_another_region_alone()
    {
        Seed(SeededId, "cn-beijing");
        using var client = CreateClient();

        await client.DisableActivationAsync(new DisableActivationRequest(SeededId) { RegionId = "cn-beijing" });

        Assert.True(Emulator.Activations.Find("cn-beijing", SeededId)!.Disabled);
        Assert.False(Emulator.Activations.Find("cn-hangzhou", SeededId)!.Disabled);
    }

    [Fact]
    public async Task Sdk_sends_a_post_with_the_documented_parameters()
    {
        using var client = CreateClient();

        await client.DisableActivationAsync(SeededId);

        RecordedRequest sent = Assert.Single(Emulator.Requests.Snapshot());
        Assert.Equal("POST", sent.Method);
        Assert.Equal("DisableActivation", sent.Action);
        Assert.Equal("2014-05-26", sent.Parameters["Version"]);
        Assert.Equal("JSON", sent.Parameters["Format"]);
        Assert.Equal("testid", sent.AccessKeyId);
        Assert.Equal("cn-hangzhou", sent.RegionId);
        Assert.Equal(SeededId, sent.ActivationId);
        Assert.Equal(RequestOutcome.Succeeded, sent.Outcome);
        Assert.Equal(1, sent.Attempt);
    }
}
