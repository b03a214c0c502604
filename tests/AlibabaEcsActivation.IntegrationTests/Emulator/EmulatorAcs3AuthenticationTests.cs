using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>The gateway's checks on signature V3 requests, with the error codes of RPC v1.</summary>
public class EmulatorAcs3AuthenticationTests : HandlerEmulatorTest
{
    [Fact]
    public async Task A_correctly_signed_request_is_accepted_and_answered_in_json()
    {
        var (status, body) = await SendAsync(Acs3());

        Assert.Equal(200, status);
        using var document = JsonDocument.Parse(body);
        Assert.True(document.RootElement.GetProperty("Activation").GetProperty("Disabled").GetBoolean());
    }

    [Fact]
    public async Task Tampered_signature_is_SignatureDoesNotMatch_quoting_the_servers_string_to_sign()
    {
        var request = Acs3();
        request.Secret = "wrong";

        var (status, body) = await SendAsync(request);

        Assert.Equal(400, status);
        using var document = JsonDocument.Parse(body);
        Assert.Equal("SignatureDoesNotMatch", document.RootElement.GetProperty("Code").GetString());
        Assert.Matches("server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$", document.RootElement.GetProperty("Message").GetString()!);
    }

    [Fact]
    public async Task A_signed_header_changed_after_signing_is_SignatureDoesNotMatch()
    {
        var request = Acs3();
        request.Altered["x-acs-action"] = "DeleteActivation";

        Assert.Equal("SignatureDoesNotMatch", await CodeOfAsync(request));
    }

    [Fact]
    public async Task A_query_parameter_changed_after_signing_is_SignatureDoesNotMatch()
    {
        var request = Acs3();
        using HttpRequestMessage message = request.Build();
        message.RequestUri = new Uri(message.RequestUri!.ToString().Replace("cn-hangzhou", "cn-beijing", StringComparison.Ordinal));

        Assert.Equal("SignatureDoesNotMatch", await CodeOfAsync(message));
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(16)]
    public async Task Date_more_than_fifteen_minutes_off_is_InvalidTimeStamp_Expired(int minutes)
    {
        Assert.Equal("InvalidTimeStamp.Expired", await CodeOfAsync(new Acs3RawRequest(Now.AddMinutes(minutes))));
    }

    [Fact]
    public async Task Malformed_date_is_InvalidTimeStamp_Format()
    {
        var request = Acs3();
        request.Date = "2025-03-14 09:26:53";

        Assert.Equal("InvalidTimeStamp.Format", await CodeOfAsync(request));
    }

    [Fact]
    public async Task Nonce_seen_before_is_SignatureNonceUsed()
    {
        var first = Acs3();
        first.Nonce = "once";
        Assert.Null(await CodeOfAsync(first));

        var second = Acs3();
        second.Nonce = "once";

        Assert.Equal("SignatureNonceUsed", await CodeOfAsync(second));
    }

    [Fact]
    public async Task Nonce_is_shared_with_rpc_v1_requests()
    {
        Assert.Null(await CodeOfAsync(HandlerEmulatorTest.Request().With("SignatureNonce", "shared")));
        var acs3 = Acs3();
        acs3.Nonce = "shared";

        Assert.Equal("SignatureNonceUsed", await CodeOfAsync(acs3));
    }

    [Fact]
    public async Task Body_whose_hash_is_not_x_acs_content_sha256_is_SignatureDoesNotMatch()
    {
        var request = Acs3();
        request.UnsignedBody = "InstanceName=smuggled";

        Assert.Equal("SignatureDoesNotMatch", await CodeOfAsync(request));
    }

    [Fact]
    public async Task Unknown_access_key_is_InvalidAccessKeyId_NotFound()
    {
        var request = Acs3();
        request.AccessKeyId = "nobody";

        Assert.Equal("InvalidAccessKeyId.NotFound", await CodeOfAsync(request));
    }

    [Theory]
    [InlineData("Authorization", "MissingSignature")]
    [InlineData("x-acs-action", "MissingAction")]
    [InlineData("x-acs-version", "MissingVersion")]
    [InlineData("x-acs-date", "MissingTimestamp")]
    [InlineData("x-acs-signature-nonce", "MissingSignatureNonce")]
    [InlineData("x-acs-content-sha256", "MissingContentSha256")]
    public async Task Missing_required_header_is_the_v1_code_of_what_it_carries(string header, string code)
    {
        var request = Acs3();
        request.Altered[header] = null;

        Assert.Equal(code, await CodeOfAsync(request));
    }

    [Fact]
    public async Task A_required_header_left_unsigned_is_IncompleteSignature()
    {
        var request = Acs3();
        request.Altered["Authorization"] = "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action,Signature=00";

        Assert.Equal("IncompleteSignature", await CodeOfAsync(request));
    }

    [Fact]
    public async Task Another_algorithm_is_InvalidSignatureMethod()
    {
        var request = Acs3();
        request.Altered["Authorization"] = "ACS3-HMAC-SM3 Credential=testid,SignedHeaders=host,Signature=00";

        Assert.Equal("InvalidSignatureMethod", await CodeOfAsync(request));
    }

    [Fact]
    public async Task Sts_token_travels_in_its_signed_header()
    {
        Emulator.Credentials.AddStsToken("STS.id", "stssecret", "token+/=");
        var request = Acs3();
        (request.AccessKeyId, request.Secret, request.SecurityToken) = ("STS.id", "stssecret", "token+/=");

        Assert.Null(await CodeOfAsync(request));
    }

    [Fact]
    public async Task Wrong_sts_token_is_InvalidSecurityToken_MismatchWithAccessKey()
    {
        Emulator.Credentials.AddStsToken("STS.id", "stssecret", "token");
        var request = Acs3();
        (request.AccessKeyId, request.Secret, request.SecurityToken) = ("STS.id", "stssecret", "other");

        Assert.Equal("InvalidSecurityToken.MismatchWithAccessKey", await CodeOfAsync(request));
    }

    [Fact]
    public async Task Expired_sts_token_is_InvalidSecurityToken_Expired()
    {
        Emulator.Credentials.AddStsToken("STS.id", "stssecret", "token", expiration: Now.AddMinutes(-1));
        var request = Acs3();
        (request.AccessKeyId, request.Secret, request.SecurityToken) = ("STS.id", "stssecret", "token");

        Assert.Equal("InvalidSecurityToken.Expired", await CodeOfAsync(request));
    }

    [Fact]
    public async Task The_request_log_shows_the_signature_each_request_used_without_its_secrets()
    {
        Emulator.Credentials.AddStsToken("STS.id", "stssecret", "token");
        var acs3 = Acs3();
        (acs3.AccessKeyId, acs3.Secret, acs3.SecurityToken) = ("STS.id", "stssecret", "token");
        await CodeOfAsync(acs3);
        await CodeOfAsync(HandlerEmulatorTest.Request().With("ActivationId", "5F1E2D3C-1111-4A2B-8C3D-000000000009"));

        var (v3, v1) = (Emulator.Requests.Snapshot()[0], Emulator.Requests.Snapshot()[1]);

        Assert.Equal(("ACS3-HMAC-SHA256", "HMAC-SHA1"), (v3.SignatureAlgorithm, v1.SignatureAlgorithm));
        Assert.Equal(("DisableActivation", "STS.id", acs3.Nonce), (v3.Action, v3.AccessKeyId, v3.SignatureNonce));
        Assert.Equal(RecordedRequest.Redacted, v3.Headers["x-acs-security-token"]);
        Assert.EndsWith("Signature=" + RecordedRequest.Redacted, v3.Headers["authorization"], StringComparison.Ordinal);
        Assert.StartsWith("#1 POST DisableActivation ACS3-HMAC-SHA256 attempt 1: Succeeded 200", v3.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("#2 POST DisableActivation HMAC-SHA1 attempt 1:", v1.ToString(), StringComparison.Ordinal);
    }

    private static Acs3RawRequest Acs3() => new(Now);

    private async Task<string?> CodeOfAsync(Acs3RawRequest request)
    {
        using HttpRequestMessage message = request.Build();
        return await CodeOfAsync(message);
    }

    private async Task<string?> CodeOfAsync(HttpRequestMessage message)
    {
        using HttpResponseMessage response = await Http.SendAsync(message);
        if ((int)response.StatusCode == 200)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("Code").GetString();
    }

    private async Task<(int Status, string Body)> SendAsync(Acs3RawRequest request)
    {
        using HttpRequestMessage message = request.Build();
        using HttpResponseMessage response = await Http.SendAsync(message);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
