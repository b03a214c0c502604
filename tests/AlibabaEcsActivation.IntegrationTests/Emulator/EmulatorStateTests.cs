using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>The store: seeded with the documented example, per region, changed only by actions.</summary>
public class EmulatorStateTests : HandlerEmulatorTest
{
    [Fact]
    public void New_emulator_holds_the_documented_example()
    {
        EmulatedActivation seeded = Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!;

        Assert.Equal(EmulatedActivation.DocumentedExample, seeded);
        Assert.False(seeded.Disabled);
    }

    [Fact]
    public void Seeding_can_be_turned_off()
    {
        var empty = new EcsEmulator(new EcsEmulatorOptions { SeedDocumentedExample = false });

        Assert.Equal(0, empty.Activations.Count);
    }

    [Fact]
    public async Task Activation_added_by_a_test_can_be_disabled()
    {
        Emulator.Activations.Put(EmulatedActivation.DocumentedExample with { ActivationId = "mine", RegionId = "cn-shanghai" });

        Assert.Null(await CodeOfAsync(Request().With("ActivationId", "mine").With("RegionId", "cn-shanghai")));
        Assert.True(Emulator.Activations.Find("cn-shanghai", "mine")!.Disabled);
    }

    [Fact]
    public async Task Activation_is_looked_up_in_the_requested_region_only()
    {
        Assert.Equal("ActivationId.NotFound", await CodeOfAsync(Request().With("RegionId", "cn-beijing")));
    }

    [Theory]
    [InlineData("eu-central-1", "RegionId.ApiNotSupported")]
    [InlineData("ap-southeast-5", "RegionId.ApiNotSupported")]
    [InlineData("atlantis", "InvalidRegionId.NotFound")]
    [InlineData("moon-base-1", "InvalidRegionId.NotFound")]
    public async Task Region_outside_the_sixteen_is_refused(string regionId, string expectedCode)
    {
        Assert.Equal(expectedCode, await CodeOfAsync(Request().With("RegionId", regionId)));
    }

    [Fact]
    public async Task Every_supported_region_answers()
    {
        foreach (string region in AlibabaEcsActivation.Endpoints.SupportedRegions.All)
        {
            Emulator.Activations.Put(EmulatedActivation.DocumentedExample with { RegionId = region });
            Assert.Null(await CodeOfAsync(Request().With("RegionId", region)));
        }
    }
}
