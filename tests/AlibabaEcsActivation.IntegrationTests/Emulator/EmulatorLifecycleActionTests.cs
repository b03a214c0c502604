using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>The lifecycle actions' wire shapes and rules, probed with hand-built requests (what the SDK never sends).</summary>
public class EmulatorLifecycleActionTests : HandlerEmulatorTest
{
    public EmulatorLifecycleActionTests()
    {
        Emulator.Activations.Put(EmulatedActivation.DocumentedExample with { Tags = [new("team", "ops")], ResourceGroupId = "rg-1" });
    }

    private static RawRequest Describe() => Request().With("Action", "DescribeActivations").With("ActivationId", null);

    [Fact]
    public async Task Describe_json_has_ActivationList_and_Tags_as_plain_arrays()
    {
        var (status, body) = await SendAsync(Describe());

        Assert.Equal(200, status);
        using var document = JsonDocument.Parse(body);
        JsonElement list = document.RootElement.GetProperty("ActivationList");
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
        JsonElement tags = list[0].GetProperty("Tags");
        Assert.Equal(JsonValueKind.Array, tags.ValueKind);
        Assert.Equal(("team", "ops"), (tags[0].GetProperty("TagKey").GetString(), tags[0].GetProperty("TagValue").GetString()));
        Assert.Equal("rg-1", list[0].GetProperty("ResourceGroupId").GetString());
    }

    [Fact]
    public async Task Describe_xml_wraps_each_list_entry_in_an_element()
    {
        var (status, body) = await SendAsync(Describe().With("Format", "XML"));

        Assert.Equal(200, status);
        XElement entry = XDocument.Parse(body).Root!.Element("ActivationList")!.Elements("Activation").Single();
        Assert.Equal(RawRequest.SeededId, entry.Element("ActivationId")!.Value);
        Assert.Equal("ops", entry.Element("Tags")!.Element("Tag")!.Element("TagValue")!.Value);
    }

    [Fact]
    public async Task With_MaxResults_the_page_number_fields_are_ignored()
    {
        ActivationSeeds.Add(Emulator, 4);

        var (_, body) = await SendAsync(Describe().With("MaxResults", "2").With("PageNumber", "3").With("PageSize", "1"));

        using var document = JsonDocument.Parse(body);
        Assert.Equal(2, document.RootElement.GetProperty("ActivationList").GetArrayLength());
        Assert.True(document.RootElement.TryGetProperty("NextToken", out _));
        Assert.False(document.RootElement.TryGetProperty("TotalCount", out _));
    }

    [Fact]
    public async Task Last_token_page_has_no_NextToken()
    {
        var (_, body) = await SendAsync(Describe().With("MaxResults", "50"));

        using var document = JsonDocument.Parse(body);
        Assert.False(document.RootElement.TryGetProperty("NextToken", out _));
    }

    [Theory]
    [InlineData("MaxResults", "51", "InvalidMaxResults.Malformed")]
    [InlineData("PageSize", "51", "InvalidPageSize.Malformed")]
    [InlineData("PageNumber", "0", "InvalidPageNumber.Malformed")]
    [InlineData("PageNumber", "-1", "InvalidPageNumber.Malformed")]
    [InlineData("NextToken", "not-ours", "InvalidNextToken.Malformed")]
    [InlineData("Tag.21.Key", "k", "InvalidTag.Malformed")]
    [InlineData("Tag.1.Value", "v", "InvalidTagKey.Malformed")]
    public async Task Describe_refuses_values_outside_the_documented_rules(string name, string value, string expectedCode)
    {
        Assert.Equal(expectedCode, await CodeOfAsync(Describe().With(name, value)));
    }

    /// <summary>Values too long to write out in an InlineData.</summary>
    public static TheoryData<string, string, string?> OverlongCreateFields => new()
    {
        { "Description", new string('d', 101), "InvalidDescription.Malformed" },
    };

    [Theory]
    [InlineData("Description", "x", null)]
    [InlineData("InstanceName", "a", "InvalidInstanceName.Malformed")]
    [InlineData("InstanceName", "http://evil", "InvalidInstanceName.Malformed")]
    [InlineData("InstanceCount", "0", "InvalidInstanceCount.Malformed")]
    [InlineData("TimeToLiveInHours", "0", "InvalidTimeToLiveInHours.Malformed")]
    [InlineData("TimeToLiveInHours", "876576", null)]
    [InlineData("IpAddressRange", "2001:db8::/32", null)]
    [InlineData("Tag.1.Key", "aliyun:reserved", "InvalidTagKey.Malformed")]
    [InlineData("Tag.1.Key", "acs:reserved", "InvalidTagKey.Malformed")]
    [InlineData("ClientToken", "tökén", "InvalidClientToken.Malformed")]
    [MemberData(nameof(OverlongCreateFields))]
    public async Task Create_applies_the_documented_rules(string name, string value, string? expectedCode)
    {
        Assert.Equal(expectedCode, await CodeOfAsync(Request().With("Action", "CreateActivation").With("ActivationId", null).With(name, value)));
    }

    [Fact]
    public async Task Delete_answer_has_no_Disabled_field()
    {
        var (status, body) = await SendAsync(Request().With("Action", "DeleteActivation"));

        Assert.Equal(200, status);
        using var document = JsonDocument.Parse(body);
        JsonElement activation = document.RootElement.GetProperty("Activation");
        Assert.Equal(RawRequest.SeededId, activation.GetProperty("ActivationId").GetString());
        Assert.False(activation.TryGetProperty("Disabled", out _));
    }

    [Fact]
    public async Task Delete_without_ActivationId_is_MissingActivationId()
    {
        Assert.Equal("MissingActivationId", await CodeOfAsync(Request().With("Action", "DeleteActivation").With("ActivationId", null)));
    }
}
