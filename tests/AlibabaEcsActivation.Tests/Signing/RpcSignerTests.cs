using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AlibabaEcsActivation.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

/// <summary>The signer (used on every attempt) against the official vectors and an independent HMAC.</summary>
public class RpcSignerTests
{
    [Fact]
    public void Common_parameters_sign_exactly_like_the_same_parameters_set_one_by_one()
    {
        var business = new RpcParameters().Set("ActivationId", "4ECEEE12-56F1-4FBC-9AB1-890F1234****").Set("RegionId", "cn-hangzhou");
        var common = new CommonParameters("DisableActivation", "2014-05-26", "2024-05-01T12:00:00Z", "0123456789abcdef0123456789abcdef", "LTAI5tKey", "STS+/=token");
        var flat = new RpcParameters()
            .Set("ActivationId", "4ECEEE12-56F1-4FBC-9AB1-890F1234****").Set("RegionId", "cn-hangzhou")
            .Set("Action", "DisableActivation").Set("Format", "JSON").Set("Version", "2014-05-26")
            .Set("Timestamp", "2024-05-01T12:00:00Z").Set("SignatureNonce", "0123456789abcdef0123456789abcdef")
            .Set("SignatureMethod", "HMAC-SHA1").Set("SignatureVersion", "1.0").Set("AccessKeyId", "LTAI5tKey").Set("SecurityToken", "STS+/=token");

        SignedRequest merged = RpcSigner.Sign("POST", business, common, "secret", urlPrefix: null);
        SignedRequest reference = RpcSigner.Sign("POST", flat, "secret");

        Assert.Equal(reference.Signature, merged.Signature);
        Assert.Equal(reference.QueryString, merged.QueryString);
        Assert.Equal(reference.StringToSign, merged.StringToSign);
    }

    [Fact]
    public void Common_parameter_replaces_a_business_parameter_of_the_same_name()
    {
        var business = new RpcParameters().Set("Action", "DeleteActivation").Set("ActivationId", "a");
        var common = new CommonParameters("DisableActivation", "2014-05-26", "t", "n", "k", securityToken: null);

        SignedRequest signed = RpcSigner.Sign("POST", business, common, "secret", urlPrefix: null);

        Assert.Contains("Action=DisableActivation&", signed.QueryString);
        Assert.DoesNotContain("DeleteActivation", signed.QueryString);
    }

    [Fact]
    public void Url_is_the_prefix_a_question_mark_and_the_query()
    {
        var common = new CommonParameters("DisableActivation", "2014-05-26", "t", "n", "k", securityToken: null);

        SignedRequest signed = RpcSigner.Sign("POST", new RpcParameters().Set("A", "x y*"), common, "secret", "http://127.0.0.1:8080/");

        Assert.Equal("http://127.0.0.1:8080/?" + signed.QueryString, signed.Url);
        Assert.StartsWith("A=x%20y%2A&", signed.QueryString);
    }

    [Fact]
    public void Non_ascii_and_lone_surrogates_encode_like_the_reference_encoder()
    {
        var parameters = new RpcParameters().Set("Description", "测试 🚀 é \ud800 end").Set("Tag.1.Key", "a&b=c%d");

        SignedRequest signed = RpcSigner.Sign("POST", parameters, "secret");

        Assert.Equal(IndependentSignature(signed.StringToSign, "secret"), signed.Signature);
        Assert.StartsWith("POST&%2F&Description%3D" + PercentEncoder.Encode(PercentEncoder.Encode("测试 🚀 é \ud800 end")) + "%26", signed.StringToSign);
        Assert.Contains("Description=" + PercentEncoder.Encode("测试 🚀 é \ud800 end") + "&", signed.QueryString);
    }

    /// <summary>Base64(HMAC-SHA1(secret + "&amp;", UTF-8(stringToSign))) by the platform, in one call.</summary>
    private static string IndependentSignature(string stringToSign, string secret) =>
        System.Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(
            System.Text.Encoding.UTF8.GetBytes(secret + "&"), System.Text.Encoding.UTF8.GetBytes(stringToSign)));
}
