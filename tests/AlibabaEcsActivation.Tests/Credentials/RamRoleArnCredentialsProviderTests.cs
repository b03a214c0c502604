using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Tests.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

public sealed class RamRoleArnCredentialsProviderTests : IDisposable
{
    private const string RoleArn = "acs:ram::123456789012:role/ecs-admin";
    private const string SourceSecret = "Source-Secret-Do-Not-Print";
    private const string SourceToken = "Source-Token-Do-Not-Print";
    private readonly CredentialsTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task AssumeRole_signature_verifies_over_query_and_body()
    {
        var sts = new StsFake(_bed.Http);

        await Provider(new RamRoleArnCredentialsProviderOptions { RoleArn = RoleArn, Policy = "{\"Statement\": [\"*\"]}", ExternalId = "ext id" }).GetCredentialsAsync();

        var (query, body) = sts.Last;
        string expected = StsFake.ExpectedSignature("POST", query.Concat(body), SourceSecret);
        Assert.Equal(expected, query["Signature"]);
    }

    [Fact]
    public void The_test_signature_algorithm_reproduces_the_official_vectors()
    {
        foreach (JsonElement vector in SignatureVectorTests.LoadVectors())
        {
            var parameters = vector.GetProperty("params").EnumerateObject()
                .Select(p => new System.Collections.Generic.KeyValuePair<string, string>(p.Name, p.Value.GetString()!));

            string signature = StsFake.ExpectedSignature(vector.GetProperty("method").GetString()!, parameters, vector.GetProperty("accessKeySecret").GetString()!);

            Assert.Equal(vector.GetProperty("signature").GetString(), signature);
        }
    }

    [Fact]
    public async Task AssumeRole_puts_common_parameters_in_the_query_and_role_parameters_in_the_body()
    {
        var sts = new StsFake(_bed.Http);

        await Provider(new RamRoleArnCredentialsProviderOptions { RoleArn = RoleArn, RoleSessionName = "audit-me", DurationSeconds = 1800, ExternalId = "ext" }).GetCredentialsAsync();

        var (query, body) = sts.Last;
        Assert.Equal(
            new[] { "AccessKeyId", "Action", "Format", "SecurityToken", "Signature", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp", "Version" },
            query.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("AssumeRole", query["Action"]);
        Assert.Equal("2015-04-01", query["Version"]);
        Assert.Equal("JSON", query["Format"]);
        Assert.Equal("HMAC-SHA1", query["SignatureMethod"]);
        Assert.Equal("2025-03-14T09:00:00Z", query["Timestamp"]);
        Assert.Equal("LTAI-source", query["AccessKeyId"]);
        Assert.Equal(SourceToken, query["SecurityToken"]);
        Assert.Equal(RoleArn, body["RoleArn"]);
        Assert.Equal("audit-me", body["RoleSessionName"]);
        Assert.Equal("1800", body["DurationSeconds"]);
        Assert.Equal("ext", body["ExternalId"]);
        Assert.False(body.ContainsKey("Policy"));
    }

    [Fact]
    public async Task AssumeRole_returns_the_role_credentials_credited_to_the_source()
    {
        new StsFake(_bed.Http);

        var credentials = await Provider(new RamRoleArnCredentialsProviderOptions { RoleArn = RoleArn }).GetCredentialsAsync();

        Assert.Equal("STS.role", credentials.AccessKeyId);
        Assert.Equal(CredentialsTestBed.Token, credentials.SecurityToken);
        Assert.Equal(CredentialsTestBed.Start.AddHours(1), credentials.Expiration);
        Assert.Equal("ram_role_arn/static_sts", credentials.ProviderName);
    }

    [Fact]
    public async Task Default_session_name_comes_from_ALIBABA_CLOUD_ROLE_SESSION_NAME()
    {
        _bed.Environment["ALIBABA_CLOUD_ROLE_SESSION_NAME"] = "from-env";
        var sts = new StsFake(_bed.Http);

        await Provider(new RamRoleArnCredentialsProviderOptions { RoleArn = RoleArn }).GetCredentialsAsync();

        Assert.Equal("from-env", sts.Last.Body["RoleSessionName"]);
    }

    [Fact]
    public async Task An_STS_error_reports_code_and_request_id_but_not_the_quoted_string_to_sign()
    {
        string answer = "{\"RequestId\":\"REQ-1\",\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&SecurityToken%3D" + SourceToken + "\"}";
        new StsFake(_bed.Http, status: HttpStatusCode.BadRequest, answer: answer);

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => Provider(new RamRoleArnCredentialsProviderOptions { RoleArn = RoleArn }).GetCredentialsAsync().AsTask());

        Assert.Contains("Code SignatureDoesNotMatch", error.Message, StringComparison.Ordinal);
        Assert.Contains("RequestId REQ-1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SourceToken, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_STS_answer_without_Credentials_is_a_clear_error()
    {
        new StsFake(_bed.Http, answer: "{\"RequestId\":\"REQ-2\"}");

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => Provider(new RamRoleArnCredentialsProviderOptions { RoleArn = RoleArn }).GetCredentialsAsync().AsTask());

        Assert.Contains("no 'Credentials' object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, false, "https://sts.aliyuncs.com/")]
    [InlineData(null, "cn-beijing", false, "https://sts.cn-beijing.aliyuncs.com/")]
    [InlineData(null, "cn-beijing", true, "https://sts-vpc.cn-beijing.aliyuncs.com/")]
    [InlineData("sts.example.com", "cn-beijing", false, "https://sts.example.com/")]
    [InlineData("http://127.0.0.1:8080", null, false, "http://127.0.0.1:8080/")]
    public void STS_endpoint_is_explicit_else_regional_else_global(string? endpoint, string? region, bool vpc, string expected)
    {
        Assert.Equal(new Uri(expected), StsClient.ResolveEndpoint(endpoint, region, vpc));
    }

    [Fact]
    public void STS_region_and_VPC_come_from_the_environment_when_not_given()
    {
        _bed.Environment["ALIBABA_CLOUD_STS_REGION"] = "cn-shanghai";
        _bed.Environment["ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"] = "true";

        string text = Provider(new RamRoleArnCredentialsProviderOptions { RoleArn = RoleArn }).ToString();

        Assert.Contains("https://sts-vpc.cn-shanghai.aliyuncs.com/", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_HTTP_to_a_remote_STS_endpoint_is_refused()
    {
        Assert.Throws<ArgumentException>(() => StsClient.ResolveEndpoint("http://sts.example.com", null, false));
    }

    [Fact]
    public void A_duration_below_900_seconds_is_refused_before_any_request()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Provider(new RamRoleArnCredentialsProviderOptions { RoleArn = RoleArn, DurationSeconds = 899 }));
    }

    [Fact]
    public void A_missing_role_ARN_is_refused_before_any_request()
    {
        var error = Assert.Throws<ArgumentException>(() => Provider(new RamRoleArnCredentialsProviderOptions()));

        Assert.Contains("ALIBABA_CLOUD_ROLE_ARN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_shows_neither_the_source_secret_nor_its_token()
    {
        string text = Provider(new RamRoleArnCredentialsProviderOptions { RoleArn = RoleArn }).ToString();

        Assert.DoesNotContain(SourceSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SourceToken, text, StringComparison.Ordinal);
        Assert.Contains(RoleArn, text, StringComparison.Ordinal);
    }

    private RamRoleArnCredentialsProvider Provider(RamRoleArnCredentialsProviderOptions options) =>
        new(_bed.Context, new StaticCredentialsProvider("LTAI-source", SourceSecret, SourceToken), options, () => "0123456789abcdef0123456789abcdef");
}
