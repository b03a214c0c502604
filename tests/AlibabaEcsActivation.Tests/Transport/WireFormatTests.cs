using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

public class WireFormatTests
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly List<RecordedRequest> _sent = new();

    public WireFormatTests()
    {
        _mock.When("*").With(r => { _sent.Add(RecordedRequest.From(r)); return true; })
            .Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
    }

    private async Task<RecordedRequest> DisableAsync(string id = ApiResponses.DocActivationId, System.Action<EcsActivationClientOptions>? configure = null)
    {
        using var client = ClientFactory.Create(_mock, configure, nonces: () => "nonce-0001");
        await client.DisableActivationAsync(id);
        return Assert.Single(_sent);
    }

    [Fact]
    public async Task Sends_POST_to_root_path_with_empty_body()
    {
        RecordedRequest request = await DisableAsync();

        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Uri.AbsolutePath);
        Assert.False(request.HasContent);
    }

    [Fact]
    public async Task Default_endpoint_for_cn_hangzhou_is_the_official_map_entry_over_https()
    {
        RecordedRequest request = await DisableAsync();

        Assert.Equal("https://ecs-cn-hangzhou.aliyuncs.com/", request.Uri.GetLeftPart(System.UriPartial.Path));
    }

    [Fact]
    public async Task Query_carries_every_common_and_business_parameter()
    {
        RecordedRequest request = await DisableAsync();

        Assert.Equal("DisableActivation", request["Action"]);
        Assert.Equal("JSON", request["Format"]);
        Assert.Equal("2014-05-26", request["Version"]);
        Assert.Equal("HMAC-SHA1", request["SignatureMethod"]);
        Assert.Equal("1.0", request["SignatureVersion"]);
        Assert.Equal("nonce-0001", request["SignatureNonce"]);
        Assert.Equal(ClientFactory.AccessKeyId, request["AccessKeyId"]);
        Assert.Equal("cn-hangzhou", request["RegionId"]);
        Assert.Equal(ApiResponses.DocActivationId, request["ActivationId"]);
        Assert.Equal("2025-03-14T09:26:53Z", request["Timestamp"]);
        Assert.False(request.Query.ContainsKey("SecurityToken"));
        Assert.True(request.Query.ContainsKey("Signature"));
    }

    [Fact]
    public async Task Signature_on_the_wire_verifies_against_the_other_parameters()
    {
        RecordedRequest request = await DisableAsync();

        var parameters = new RpcParameters();
        foreach (var (name, value) in request.Query.Where(p => p.Key != "Signature"))
        {
            parameters.Set(name, value);
        }

        Assert.Equal(RpcSigner.Sign("POST", parameters, ClientFactory.AccessKeySecret).Signature, request["Signature"]);
    }

    [Fact]
    public async Task Masked_activation_id_is_percent_encoded_with_uppercase_hex_on_the_wire()
    {
        RecordedRequest request = await DisableAsync();

        Assert.Contains("ActivationId=4ECEEE12-56F1-4FBC-9AB1-890F1234%2A%2A%2A%2A", request.RawQuery);
    }

    [Fact]
    public async Task Injection_attempt_in_activation_id_stays_one_literal_value()
    {
        RecordedRequest request = await DisableAsync("x&Action=DeleteActivation");

        Assert.Equal("x&Action=DeleteActivation", request["ActivationId"]);
        Assert.Equal("DisableActivation", request["Action"]);
        Assert.Contains("ActivationId=x%26Action%3DDeleteActivation", request.RawQuery);
    }

    [Fact]
    public async Task Security_token_is_sent_and_signed_when_credentials_are_sts()
    {
        RecordedRequest request = await DisableAsync(configure: o => o.CredentialsProvider =
            new AlibabaEcsActivation.Credentials.StaticCredentialsProvider("STS.abc", "stssecret", ClientFactory.SecurityToken));

        Assert.Equal(ClientFactory.SecurityToken, request["SecurityToken"]);
        Assert.Contains("SecurityToken=STS-TOKEN-SECRET-abc%2B%2F%3D", request.RawQuery);
    }

    [Fact]
    public async Task Sends_action_and_version_headers_and_a_user_agent()
    {
        RecordedRequest request = await DisableAsync(configure: o => o.UserAgentSuffix = "incident-bot/2");

        Assert.Equal("DisableActivation", request.Headers["x-acs-action"]);
        Assert.Equal("2014-05-26", request.Headers["x-acs-version"]);
        Assert.StartsWith("AlibabaEcsActivation/", request.Headers["User-Agent"]);
        Assert.EndsWith("incident-bot/2", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task Request_region_overrides_the_default_region_and_its_endpoint()
    {
        using var client = ClientFactory.Create(_mock);

        await client.DisableActivationAsync(new DisableActivationRequest("id-1") { RegionId = "cn-beijing" });

        RecordedRequest request = Assert.Single(_sent);
        Assert.Equal("cn-beijing", request["RegionId"]);
        Assert.Equal("ecs.cn-beijing.aliyuncs.com", request.Uri.Host);
    }

    [Fact]
    public async Task Endpoint_option_overrides_the_region_host()
    {
        RecordedRequest request = await DisableAsync(configure: o => o.Endpoint = "http://127.0.0.1:8080");

        Assert.Equal("http://127.0.0.1:8080/", request.Uri.GetLeftPart(System.UriPartial.Path));
    }
}
