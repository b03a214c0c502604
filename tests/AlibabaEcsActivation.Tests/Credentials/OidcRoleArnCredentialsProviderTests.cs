using System;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

public sealed class OidcRoleArnCredentialsProviderTests : IDisposable
{
    private const string OidcToken = "eyJ-oidc-token-Do-Not-Print";
    private readonly CredentialsTestBed _bed = new();

    public OidcRoleArnCredentialsProviderTests()
    {
        _bed.Environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1:role/pod";
        _bed.Environment["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1:oidc-provider/ack-rrsa";
        _bed.Environment["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = _bed.WriteFile("token", OidcToken + "\n");
    }

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task AssumeRoleWithOIDC_is_unsigned_and_carries_the_token_from_the_file()
    {
        var sts = new StsFake(_bed.Http);

        var credentials = await new OidcRoleArnCredentialsProvider(_bed.Context, null).GetCredentialsAsync();

        var (query, body) = sts.Last;
        Assert.Equal("AssumeRoleWithOIDC", query["Action"]);
        Assert.False(query.ContainsKey("Signature"));
        Assert.False(query.ContainsKey("AccessKeyId"));
        Assert.Equal(OidcToken, body["OIDCToken"]);
        Assert.Equal("acs:ram::1:oidc-provider/ack-rrsa", body["OIDCProviderArn"]);
        Assert.Equal("acs:ram::1:role/pod", body["RoleArn"]);
        Assert.Equal("3600", body["DurationSeconds"]);
        Assert.Equal("oidc_role_arn", credentials.ProviderName);
    }

    [Fact]
    public async Task The_token_file_is_read_again_at_each_refresh()
    {
        var sts = new StsFake(_bed.Http);
        var provider = new OidcRoleArnCredentialsProvider(_bed.Context, null);
        await provider.GetCredentialsAsync();

        _bed.WriteFile("token", "rotated-token");
        _bed.Time.Advance(TimeSpan.FromMinutes(46));
        await provider.GetCredentialsAsync();

        Assert.Equal("rotated-token", sts.Last.Body["OIDCToken"]);
        Assert.Equal(2, sts.Requests.Count);
    }

    [Fact]
    public async Task Missing_settings_are_named_in_the_error()
    {
        _bed.Environment.Remove("ALIBABA_CLOUD_OIDC_PROVIDER_ARN");

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new OidcRoleArnCredentialsProvider(_bed.Context, null).GetCredentialsAsync().AsTask());

        Assert.Contains("not set: ALIBABA_CLOUD_OIDC_PROVIDER_ARN (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_token_file_names_the_path_not_the_token()
    {
        _bed.Environment["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = System.IO.Path.Combine(_bed.Home, "absent-token");
        new StsFake(_bed.Http);

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new OidcRoleArnCredentialsProvider(_bed.Context, null).GetCredentialsAsync().AsTask());

        Assert.Contains("absent-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_does_not_show_the_token()
    {
        Assert.DoesNotContain(OidcToken, new OidcRoleArnCredentialsProvider(_bed.Context, null).ToString(), StringComparison.Ordinal);
    }
}
