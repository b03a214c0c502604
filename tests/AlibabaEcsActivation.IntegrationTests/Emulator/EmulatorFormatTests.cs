using System.Threading.Tasks;
using System.Xml.Linq;
using AlibabaEcsActivation.IntegrationTests.Support;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>JSON when Format says JSON (any case), otherwise XML, the API's default.</summary>
public class EmulatorFormatTests : HandlerEmulatorTest
{
    [Theory]
    [InlineData("XML")]
    [InlineData(null)]
    public async Task Answers_xml_when_format_is_xml_or_absent(string? format)
    {
        var (status, body) = await SendAsync(Request().With("Format", format));

        Assert.Equal(200, status);
        XElement root = XDocument.Parse(body).Root!;
        Assert.Equal("DisableActivationResponse", root.Name.LocalName);
        Assert.Equal("true", root.Element("Activation")!.Element("Disabled")!.Value);
        Assert.Equal(RawRequest.SeededId, root.Element("Activation")!.Element("ActivationId")!.Value);
    }

    [Fact]
    public async Task Answers_json_for_the_official_clients_lower_case_format()
    {
        var (status, body) = await SendAsync(Request().With("Format", "json"));

        Assert.Equal(200, status);
        Assert.StartsWith("{\"RequestId\":", body, System.StringComparison.Ordinal);
        Assert.Contains("\"Disabled\":true", body, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_in_xml_has_the_documented_fields()
    {
        var (status, body) = await SendAsync(Request().With("Format", "XML").With("ActivationId", "missing"));

        Assert.Equal(404, status);
        XElement root = XDocument.Parse(body).Root!;
        Assert.Equal("Error", root.Name.LocalName);
        Assert.Equal("ActivationId.NotFound", root.Element("Code")!.Value);
        Assert.Equal("The specified activation id does not exist.", root.Element("Message")!.Value);
        Assert.NotEmpty(root.Element("RequestId")!.Value);
        Assert.Equal("127.0.0.1", root.Element("HostId")!.Value);
        Assert.Contains("ActivationId.NotFound", root.Element("Recommend")!.Value, System.StringComparison.Ordinal);
    }
}
