using System.Linq;
using System.Text.Json;
using AlibabaEcsActivation.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

/// <summary>The per-attempt V3 signer: the official client's request shape, byte for byte.</summary>
public class Acs3SignerTests
{
    private const string Prefix = "https://ecs.cn-hangzhou.aliyuncs.com/";

    [Theory]
    [InlineData("DisableActivation-doc-id")]
    [InlineData("DisableActivation-with-security-token")]
    [InlineData("DisableActivation-beijing-endpoint")]
    [InlineData("CreateActivation-unicode-and-tags")]
    [InlineData("secret-with-special-chars")]
    public void An_attempt_is_signed_as_the_official_client_signs_it(string name)
    {
        JsonElement vector = Acs3SignatureVectorTests.Find(name);

        SignedRequest signed = SignLike(vector, retryAttempts: null);

        Assert.Equal(vector.GetProperty("authorization").GetString(), signed.Header("Authorization"));
    }

    [Fact]
    public void The_headers_sent_are_the_signed_ones_and_the_authorization()
    {
        JsonElement vector = Acs3SignatureVectorTests.Find("DisableActivation-with-security-token");

        SignedRequest signed = SignLike(vector, retryAttempts: null);

        var expected = Acs3SignatureVectorTests.Strings(vector, "headers").OrderBy(h => h.Key, System.StringComparer.Ordinal).ToList();
        Assert.Equal(expected, signed.Headers!.Take(expected.Count));
        Assert.Equal("Authorization", signed.Headers![^1].Key);
        Assert.Equal(Acs3Signer.Algorithm, signed.Algorithm);
    }

    [Fact]
    public void The_business_parameters_travel_in_the_query_and_nothing_else_does()
    {
        JsonElement vector = Acs3SignatureVectorTests.Find("DisableActivation-doc-id");

        SignedRequest signed = SignLike(vector, retryAttempts: null);

        Assert.Equal(Prefix + "?ActivationId=4ECEEE12-56F1-4FBC-9AB1-890F1234%2A%2A%2A%2A&RegionId=cn-hangzhou", signed.Url);
    }

    [Fact]
    public void A_retry_signs_its_retry_attempts_header()
    {
        JsonElement vector = Acs3SignatureVectorTests.Find("DisableActivation-doc-id");

        SignedRequest signed = SignLike(vector, retryAttempts: "2");

        Assert.Equal("2", signed.Header("x-acs-retry-attempts"));
        Assert.Contains(";x-acs-retry-attempts;", signed.Header("Authorization"), System.StringComparison.Ordinal);
        Assert.NotEqual(vector.GetProperty("authorization").GetString(), signed.Header("Authorization"));
    }

    [Fact]
    public void The_string_to_sign_derived_again_for_a_diagnosis_is_the_official_one()
    {
        JsonElement vector = Acs3SignatureVectorTests.Find("DisableActivation-with-security-token");

        SignedRequest signed = SignLike(vector, retryAttempts: null);

        Assert.Equal(vector.GetProperty("stringToSign").GetString(), signed.StringToSign);
    }

    [Fact]
    public void The_signature_is_the_hex_hmac_of_the_authorization()
    {
        JsonElement vector = Acs3SignatureVectorTests.Find("DisableActivation-doc-id");

        SignedRequest signed = SignLike(vector, retryAttempts: null);

        Assert.Equal("d87b83f71ec08408f3b9da3614628a45fe8f16db67aba0753b07e9bc43becf25", signed.Signature);
        Assert.DoesNotContain(signed.Signature, signed.ToString(), System.StringComparison.Ordinal);
    }

    private static SignedRequest SignLike(JsonElement vector, string? retryAttempts)
    {
        var headers = Acs3SignatureVectorTests.Strings(vector, "headers");
        var business = new RpcParameters();
        foreach (var (name, value) in Acs3SignatureVectorTests.Strings(vector, "query"))
        {
            business.Set(name, value);
        }

        var common = new CommonParameters(
            headers["x-acs-action"],
            headers["x-acs-version"],
            headers["x-acs-date"],
            headers["x-acs-signature-nonce"],
            vector.GetProperty("accessKeyId").GetString()!,
            headers.TryGetValue("x-acs-security-token", out string? token) ? token : null);
        return Acs3Signer.Sign("POST", business, common, vector.GetProperty("accessKeySecret").GetString()!, headers["host"], Prefix, retryAttempts);
    }
}
