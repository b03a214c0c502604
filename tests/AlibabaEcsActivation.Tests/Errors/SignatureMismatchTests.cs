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
}
