using System;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

public sealed class CliProfileCredentialsProviderTests : IDisposable
{
    private const string ConfigPath = ".aliyun/config.json";
    private readonly CredentialsTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task AK_profile_named_by_current_is_used()
    {
        WriteConfig("work", Profile("work", "\"mode\":\"AK\",\"access_key_id\":\"LTAI-work\",\"access_key_secret\":\"" + CredentialsTestBed.Secret + "\""));

        var credentials = await new CliProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("LTAI-work", credentials.AccessKeyId);
        Assert.Equal(CredentialsTestBed.Secret, credentials.AccessKeySecret);
        Assert.Null(credentials.SecurityToken);
        Assert.Equal("cli_profile/static_ak", credentials.ProviderName);
    }

    [Fact]
    public async Task ALIBABA_CLOUD_PROFILE_overrides_current()
    {
        _bed.Environment["ALIBABA_CLOUD_PROFILE"] = "other";
        WriteConfig("work",
            Profile("work", "\"mode\":\"AK\",\"access_key_id\":\"LTAI-work\",\"access_key_secret\":\"s\""),
            Profile("other", "\"mode\":\"AK\",\"access_key_id\":\"LTAI-other\",\"access_key_secret\":\"s\""));

        var credentials = await new CliProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("LTAI-other", credentials.AccessKeyId);
    }

    [Fact]
    public async Task StsToken_profile_carries_the_token()
    {
        WriteConfig("sts", Profile("sts", "\"mode\":\"StsToken\",\"access_key_id\":\"STS.x\",\"access_key_secret\":\"s\",\"sts_token\":\"" + CredentialsTestBed.Token + "\""));

        var credentials = await new CliProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal(CredentialsTestBed.Token, credentials.SecurityToken);
    }

    [Fact]
    public async Task RamRoleArn_profile_assumes_the_role_at_the_profile_region_with_its_duration()
    {
        WriteConfig("role", Profile("role",
            "\"mode\":\"RamRoleArn\",\"access_key_id\":\"LTAI-src\",\"access_key_secret\":\"src-secret\",\"ram_role_arn\":\"acs:ram::1:role/admin\"," +
            "\"ram_session_name\":\"cli\",\"expired_seconds\":900,\"sts_region\":\"cn-hangzhou\""));
        var sts = new StsFake(_bed.Http, "https://sts.cn-hangzhou.aliyuncs.com/");

        var credentials = await new CliProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("cli_profile/ram_role_arn/static_ak", credentials.ProviderName);
        Assert.Equal("acs:ram::1:role/admin", sts.Last.Body["RoleArn"]);
        Assert.Equal("900", sts.Last.Body["DurationSeconds"]);
        Assert.Equal("cli", sts.Last.Body["RoleSessionName"]);
        Assert.Equal("LTAI-src", sts.Last.Query["AccessKeyId"]);
    }

    [Fact]
    public async Task EcsRamRole_profile_reads_the_named_role_from_the_metadata_service()
    {
        WriteConfig("ecs", Profile("ecs", "\"mode\":\"EcsRamRole\",\"ram_role_name\":\"CliRole\""));
        _bed.ServeMetadata(role: "CliRole", discoverable: false);

        var credentials = await new CliProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("cli_profile/ecs_ram_role", credentials.ProviderName);
    }

    [Fact]
    public async Task OIDC_profile_assumes_the_role_with_the_token_file()
    {
        string tokenFile = _bed.WriteFile("oidc-token", "cli-oidc-token");
        WriteConfig("k8s", Profile("k8s",
            "\"mode\":\"OIDC\",\"ram_role_arn\":\"acs:ram::1:role/pod\",\"oidc_provider_arn\":\"acs:ram::1:oidc-provider/p\",\"oidc_token_file\":" + JsonString(tokenFile)));
        var sts = new StsFake(_bed.Http);

        var credentials = await new CliProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("cli_profile/oidc_role_arn", credentials.ProviderName);
        Assert.Equal("cli-oidc-token", sts.Last.Body["OIDCToken"]);
    }

    [Fact]
    public async Task ALIBABA_CLOUD_CLI_PROFILE_DISABLED_turns_the_provider_off()
    {
        _bed.Environment["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "True";
        WriteConfig("work", Profile("work", "\"mode\":\"AK\",\"access_key_id\":\"LTAI-work\",\"access_key_secret\":\"s\""));

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new CliProfileCredentialsProvider(_bed.Context).GetCredentialsAsync().AsTask());

        Assert.Contains("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "file not found")]
    [InlineData("{ not json " + CredentialsTestBed.Secret, "not valid JSON")]
    [InlineData("{\"current\":\"ghost\",\"profiles\":[]}", "no profile named 'ghost'")]
    [InlineData("{\"current\":\"p\",\"profiles\":[{\"name\":\"p\",\"mode\":\"CloudSSO\"}]}", "mode 'CloudSSO' is not supported")]
    [InlineData("{\"current\":\"p\",\"profiles\":[{\"name\":\"p\",\"mode\":\"AK\",\"access_key_id\":\"LTAI\"}]}", "has no access_key_secret")]
    [InlineData("{\"current\":\"p\",\"profiles\":[{\"name\":\"p\",\"mode\":\"RamRoleArn\",\"access_key_id\":\"a\",\"access_key_secret\":\"" + CredentialsTestBed.Secret + "\",\"ram_role_arn\":\"r\",\"expired_seconds\":60}]}", "DurationSeconds must be at least 900")]
    public async Task A_missing_or_malformed_config_is_a_clear_error_naming_the_file(string? content, string expected)
    {
        if (content is not null)
        {
            _bed.WriteFile(ConfigPath, content);
        }

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new CliProfileCredentialsProvider(_bed.Context).GetCredentialsAsync().AsTask());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("~/.aliyun/config.json", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CredentialsTestBed.Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_is_read_once_and_its_provider_kept()
    {
        WriteConfig("work", Profile("work", "\"mode\":\"AK\",\"access_key_id\":\"LTAI-work\",\"access_key_secret\":\"s\""));
        var provider = new CliProfileCredentialsProvider(_bed.Context);
        await provider.GetCredentialsAsync();

        System.IO.File.Delete(System.IO.Path.Combine(_bed.Home, ConfigPath));

        Assert.Equal("LTAI-work", (await provider.GetCredentialsAsync()).AccessKeyId);
    }

    private void WriteConfig(string current, params string[] profiles) =>
        _bed.WriteFile(ConfigPath, "{\"current\":\"" + current + "\",\"profiles\":[" + string.Join(",", profiles) + "],\"meta_path\":\"\"}");

    private static string Profile(string name, string fields) => "{\"name\":\"" + name + "\"," + fields + "}";

    private static string JsonString(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
