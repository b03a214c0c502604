using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>GET or POST, parameters in the query, the form body or both: all accepted when signed with the verb used.</summary>
public class EmulatorTransportTests : HandlerEmulatorTest
{
    [Theory]
    [InlineData("GET", Layout.Query)]
    [InlineData("POST", Layout.Query)]
    [InlineData("POST", Layout.Body)]
    [InlineData("POST", Layout.Split)]
    public async Task Signed_request_is_accepted_whatever_the_verb_and_layout(string method, Layout layout)
    {
        var request = Request();
        request.Method = method;
        request.Layout = layout;

        Assert.Null(await CodeOfAsync(request));
        Assert.True(Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled);
    }

    [Fact]
    public async Task Request_signed_as_GET_but_sent_as_POST_is_SignatureDoesNotMatch()
    {
        var request = Request();
        request.SignAs = "GET";

        Assert.Equal("SignatureDoesNotMatch", await CodeOfAsync(request));
    }

    [Fact]
    public async Task Other_verbs_are_refused_with_405()
    {
        var request = Request();
        request.Method = "PUT";

        var (status, _) = await SendAsync(request);

        Assert.Equal(405, status);
    }

    [Fact]
    public async Task Unknown_action_is_InvalidAction_NotFound()
    {
        var (status, body) = await SendAsync(Request().With("Action", "RebootTheInternet"));

        Assert.Equal(404, status);
        Assert.Contains("\"InvalidAction.NotFound\"", body, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_version_is_InvalidVersion()
    {
        Assert.Equal("InvalidVersion", await CodeOfAsync(Request().With("Version", "2016-03-14")));
    }

    [Theory]
    [InlineData("ActivationId")]
    [InlineData("RegionId")]
    [InlineData("Timestamp")]
    [InlineData("SignatureNonce")]
    [InlineData("AccessKeyId")]
    public async Task Missing_parameter_is_Missing_name(string name)
    {
        Assert.Equal("Missing" + name, await CodeOfAsync(Request().With(name, null)));
    }
}
