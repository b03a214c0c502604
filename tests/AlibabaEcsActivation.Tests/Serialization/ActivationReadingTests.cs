using System;
using System.Linq;
using System.Text.Json;
using AlibabaEcsActivation.Serialization;
using AlibabaEcsActivation.Tests.Infrastructure;
using Xunit;

namespace AlibabaEcsActivation.Tests.Serialization;

/// <summary>The source-generated readers of Activation and its envelopes: names in any case, unknown fields skipped, last value wins.</summary>
public class ActivationReadingTests
{
    private static DisableActivationResponse ParseDisable(string json) =>
        JsonSerializer.Deserialize(json, EcsJsonContext.Default.DisableActivationResponse)!;

    [Fact]
    public void Escaped_property_names_match_like_plain_ones()
    {
        var response = ParseDisable("""{"Request\u0049d":"r","Activation":{"\u0041ctivationId":"a","Disabl\u0065d":true}}""");

        Assert.Equal("r", response.RequestId);
        Assert.Equal("a", response.Activation.ActivationId);
        Assert.True(response.Activation.Disabled);
    }

    [Fact]
    public void Very_long_unknown_property_names_are_skipped()
    {
        string name = new('x', 500);
        var response = ParseDisable("{\"" + name + "\":{\"a\":[1]},\"Activation\":{\"" + name + "\":1,\"InstanceCount\":3}}");

        Assert.Equal(3, response.Activation.InstanceCount);
    }

    [Fact]
    public void Repeated_property_keeps_the_last_value()
    {
        Assert.Equal(2, ParseDisable("""{"Activation":{"InstanceCount":1,"InstanceCount":2}}""").Activation.InstanceCount);
    }

    [Fact]
    public void Null_activation_reads_as_null()
    {
        Assert.Null(ParseDisable("""{"RequestId":"r","Activation":null}""").Activation);
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("[]")]
    [InlineData("1")]
    public void Activation_that_is_not_an_object_is_rejected(string raw)
    {
        Assert.ThrowsAny<JsonException>(() => ParseDisable("{\"Activation\":" + raw + "}"));
    }

    [Fact]
    public void Response_that_is_not_an_object_is_rejected()
    {
        Assert.ThrowsAny<JsonException>(() => ParseDisable("[{\"Activation\":{}}]"));
    }

    [Fact]
    public void Null_tags_read_as_empty()
    {
        Assert.Empty(ParseDisable("""{"Activation":{"Tags":null}}""").Activation.Tags);
    }

    [Fact]
    public void Delete_response_reads_like_disable()
    {
        var response = JsonSerializer.Deserialize(ApiResponses.DisableSuccessStrings, EcsJsonContext.Default.DeleteActivationResponse)!;

        Assert.Equal(ApiResponses.DocRequestId, response.RequestId);
        Assert.Equal(ApiResponses.DocActivationId, Assert.IsType<Activation>(response.Activation).ActivationId);
    }

    [Fact]
    public void Written_response_reads_back_the_same()
    {
        var original = new DisableActivationResponse
        {
            RequestId = "r",
            Activation = new Activation
            {
                ActivationId = "a", CreationTime = new DateTimeOffset(2021, 1, 20, 6, 0, 0, TimeSpan.Zero), DeregisteredCount = 1,
                Description = "d", Disabled = true, InstanceCount = 2, InstanceName = "n", IpAddressRange = "0.0.0.0/0",
                RegisteredCount = 3, TimeToLiveInHours = 4, ResourceGroupId = "rg", Tags = new[] { new Tag("k", "v") },
            },
        };

        var copy = ParseDisable(JsonSerializer.Serialize(original, EcsJsonContext.Default.DisableActivationResponse));

        Assert.Equal(original.ToString(), copy.ToString());
        Assert.Equal(("rg", "n", "d", "0.0.0.0/0"), (copy.Activation.ResourceGroupId, copy.Activation.InstanceName, copy.Activation.Description, copy.Activation.IpAddressRange));
        Assert.Equal(new[] { "k=v" }, copy.Activation.Tags.Select(t => t.ToString()));
    }
}
