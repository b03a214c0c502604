using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Errors;

public class SignatureMismatchTests
{
    private const string Prefix = "Specified signature is not matched with our calculation. server string to sign is:";

    /// <summary>A fake gateway that quotes the string-to-sign it computed from what arrived.</summary>
    private static MockHttpMessageHandler GatewayQuoting(System.Func<string, string> alter)
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request =>
        {
            var query = RecordedRequest.From(request).Query.Where(p => p.Key != "Signature").ToList();
            var parameters = new RpcParameters();
            foreach (var (name, value) in query)
            {
                parameters.Set(name, value);
            }

            string serverStringToSign = alter(RpcSigner.Sign("POST", parameters, "any secret").StringToSign);
            string body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["RequestId"] = "REQ-SIG", ["Code"] = "SignatureDoesNotMatch", ["Message"] = Prefix + serverStringToSign,
            });
            return ApiResponses.Json(HttpStatusCode.BadRequest, body);
        });
        return mock;
    }

    [Fact]
    public async Task Same_string_to_sign_on_both_sides_means_the_secret_is_wrong()
    {
        using var client = ClientFactory.Create(GatewayQuoting(s => s));

        var e = await Assert.ThrowsAsync<SignatureMismatchException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(SignatureMismatchDiagnosis.WrongSecret, e.Diagnosis);
        Assert.Contains("AccessKeySecret is wrong", e.Message);
        Assert.Equal(1, e.Attempts);
    }

    [Fact]
    public async Task Different_string_to_sign_means_an_encoding_mismatch()
    {
        using var client = ClientFactory.Create(GatewayQuoting(s => s.Replace("%252A", "*")));

        var e = await Assert.ThrowsAsync<SignatureMismatchException>(() => client.DisableActivationAsync("id-****"));

        Assert.Equal(SignatureMismatchDiagnosis.EncodingMismatch, e.Diagnosis);
    }

    [Fact]
    public async Task Server_string_to_sign_is_redacted_from_every_message()
    {
        var sts = new AlibabaEcsActivation.Credentials.StaticCredentialsProvider("STS.id", "stssecret", ClientFactory.SecurityToken);
        using var client = ClientFactory.Create(GatewayQuoting(s => s), o => o.CredentialsProvider = sts);

        var e = await Assert.ThrowsAsync<SignatureMismatchException>(() => client.DisableActivationAsync("id-1"));

        Assert.DoesNotContain("SecurityToken", e.Message);
        Assert.DoesNotContain("STS-TOKEN", e.Message);
        Assert.DoesNotContain("STS-TOKEN", e.ServiceMessage);
        Assert.EndsWith("<redacted>", e.ServiceMessage);
    }

    [Fact]
    public async Task Message_without_a_quoted_string_gives_unknown_diagnosis()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.BadRequest, ApiResponses.Error("SignatureDoesNotMatch", "The request signature does not conform to Aliyun standards.")));
        using var client = ClientFactory.Create(mock);

        var e = await Assert.ThrowsAsync<SignatureMismatchException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(SignatureMismatchDiagnosis.Unknown, e.Diagnosis);
    }
    /// <summary>A fake V3 gateway that quotes the string-to-sign it computed from what arrived.</summary>
    private static MockHttpMessageHandler Acs3GatewayQuoting(System.Func<string, string> alter)
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request =>
        {
            var sent = RecordedRequest.From(request);
            string serverStringToSign = alter(Acs3Signer.Compute(
                "POST", "/", sent.Query, sent.Headers.Where(h => h.Key != "Authorization"), Acs3Signer.EmptyPayloadHash, "-", "-").StringToSign);
            string body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["RequestId"] = "REQ-SIG", ["Code"] = "SignatureDoesNotMatch", ["Message"] = Prefix + serverStringToSign,
            });
            return ApiResponses.Json(HttpStatusCode.BadRequest, body);
        });
        return mock;
    }

    [Fact]
    public async Task Acs3_same_string_to_sign_on_both_sides_means_the_secret_is_wrong()
    {
        using var client = ClientFactory.Create(Acs3GatewayQuoting(s => s), o => o.SignatureAlgorithm = EcsSignatureAlgorithm.Acs3HmacSha256);

        var e = await Assert.ThrowsAsync<SignatureMismatchException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(SignatureMismatchDiagnosis.WrongSecret, e.Diagnosis);
        Assert.Contains("AccessKeySecret is wrong", e.Message);
    }

    [Fact]
    public async Task Acs3_different_string_to_sign_means_a_canonicalisation_mismatch()
    {
        // A gateway that saw another canonical request (a proxy rewrote a signed header) hashes to another string.
        using var client = ClientFactory.Create(Acs3GatewayQuoting(s => s[..^1] + (s[^1] == '0' ? '1' : '0')), o => o.SignatureAlgorithm = EcsSignatureAlgorithm.Acs3HmacSha256);

        var e = await Assert.ThrowsAsync<SignatureMismatchException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(SignatureMismatchDiagnosis.EncodingMismatch, e.Diagnosis);
        Assert.Contains("canonicalised differently", e.Message);
    }

    [Fact]
    public async Task Acs3_without_a_quoted_string_says_plainly_the_cause_cannot_be_told()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.BadRequest, ApiResponses.Error("SignatureDoesNotMatch", "The request signature does not conform to Aliyun standards.")));
        using var client = ClientFactory.Create(mock, o => o.SignatureAlgorithm = EcsSignatureAlgorithm.Acs3HmacSha256);

        var e = await Assert.ThrowsAsync<SignatureMismatchException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(SignatureMismatchDiagnosis.Unknown, e.Diagnosis);
        Assert.Contains("cannot be told from a canonicalisation mismatch", e.Message);
    }
}
