using System;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>The store's stand-in for servers registering with a code: the documented rules.</summary>
public class ActivationRegistrationTests : HandlerEmulatorTest
{
    [Fact]
    public void Register_counts_one_registered_instance()
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("id") with { CreationTime = Now, InstanceCount = 5 });

        Assert.Equal(1, Emulator.Activations.Register("cn-hangzhou", "id").RegisteredCount);
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("expired")]
    public void Disabled_or_expired_code_cannot_register_and_the_error_says_which(string state)
    {
        Emulator.Activations.Put(state == "disabled"
            ? ActivationSeeds.Unused("id") with { CreationTime = Now, InstanceCount = 5, Disabled = true }
            : ActivationSeeds.Unused("id") with { CreationTime = Now.AddHours(-4), TimeToLiveInHours = 4, InstanceCount = 5 });

        var e = Assert.Throws<InvalidOperationException>(() => Emulator.Activations.Register("cn-hangzhou", "id"));

        Assert.Contains(state, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_code_cannot_register()
    {
        Assert.Throws<InvalidOperationException>(() => Emulator.Activations.Register("cn-hangzhou", "nope"));
    }

    [Fact]
    public void Deregister_needs_a_registered_instance_and_works_on_a_disabled_code()
    {
        Emulator.Activations.Put(ActivationSeeds.Unused("id") with { RegisteredCount = 1, Disabled = true });

        Assert.Equal(1, Emulator.Activations.Deregister("cn-hangzhou", "id").DeregisteredCount);
        Assert.Throws<InvalidOperationException>(() => Emulator.Activations.Deregister("cn-hangzhou", "id"));
    }
}
