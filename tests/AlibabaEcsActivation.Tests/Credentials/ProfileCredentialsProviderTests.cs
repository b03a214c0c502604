using System;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

public sealed class ProfileCredentialsProviderTests : IDisposable
{
    private const string FilePath = ".alibabacloud/credentials";
    private readonly CredentialsTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Access_key_in_the_default_profile_is_used()
    {
        _bed.WriteFile(FilePath, "[default]\ntype = access_key\naccess_key_id = LTAI-ini\naccess_key_secret = " + CredentialsTestBed.Secret + "\n");

        var credentials = await new ProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("LTAI-ini", credentials.AccessKeyId);
        Assert.Equal(CredentialsTestBed.Secret, credentials.AccessKeySecret);
        Assert.Equal("profile/static_ak", credentials.ProviderName);
    }

    [Fact]
    public async Task ALIBABA_CLOUD_PROFILE_selects_the_section()
    {
        _bed.Environment["ALIBABA_CLOUD_PROFILE"] = "project";
        _bed.WriteFile(FilePath, "[default]\ntype = access_key\naccess_key_id = LTAI-default\naccess_key_secret = s\n\n[project]\ntype = access_key\naccess_key_id = LTAI-project\naccess_key_secret = s\n");

        var credentials = await new ProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("LTAI-project", credentials.AccessKeyId);
    }

    [Fact]
    public async Task ALIBABA_CLOUD_CREDENTIALS_FILE_overrides_the_path()
    {
        _bed.Environment["ALIBABA_CLOUD_CREDENTIALS_FILE"] = _bed.WriteFile("elsewhere.ini", "[default]\ntype = access_key\naccess_key_id = LTAI-elsewhere\naccess_key_secret = s\n");

        var credentials = await new ProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("LTAI-elsewhere", credentials.AccessKeyId);
    }

    [Fact]
    public async Task Comments_blank_lines_and_quotes_are_understood()
    {
        _bed.WriteFile(FilePath, "# my keys\r\n; another comment\r\n\r\n[default]\r\ntype=access_key\r\naccess_key_id = \"LTAI-quoted\"\r\naccess_key_secret='s'\r\n");

        var credentials = await new ProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("LTAI-quoted", credentials.AccessKeyId);
        Assert.Equal("s", credentials.AccessKeySecret);
    }

    [Fact]
    public async Task Ecs_ram_role_profile_reads_the_named_role()
    {
        _bed.WriteFile(FilePath, "[default]\ntype = ecs_ram_role\nrole_name = IniRole\n");
        _bed.ServeMetadata(role: "IniRole", discoverable: false);

        var credentials = await new ProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("profile/ecs_ram_role", credentials.ProviderName);
    }

    [Fact]
    public async Task Ram_role_arn_profile_assumes_the_role_with_its_policy()
    {
        _bed.WriteFile(FilePath, "[default]\ntype = ram_role_arn\naccess_key_id = LTAI-src\naccess_key_secret = src\nrole_arn = acs:ram::1:role/ini\nrole_session_name = ini-session\npolicy = {\"Version\":\"1\"}\n");
        var sts = new StsFake(_bed.Http);

        var credentials = await new ProfileCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("profile/ram_role_arn/static_ak", credentials.ProviderName);
        Assert.Equal("acs:ram::1:role/ini", sts.Last.Body["RoleArn"]);
        Assert.Equal("ini-session", sts.Last.Body["RoleSessionName"]);
        Assert.Equal("{\"Version\":\"1\"}", sts.Last.Body["Policy"]);
    }

    [Theory]
    [InlineData(null, "file not found")]
    [InlineData("[other]\ntype = access_key\n", "no profile [default]")]
    [InlineData("[default]\ntype = bearer\n", "Invalid type option, support: access_key, ecs_ram_role, ram_role_arn")]
    [InlineData("[default]\ntype = access_key\naccess_key_secret = " + CredentialsTestBed.Secret + "\n", "has no access_key_id")]
    [InlineData("access_key_secret = " + CredentialsTestBed.Secret + "\n[default]\n", "line 1 is not a [section]")]
    public async Task A_missing_or_malformed_file_is_a_clear_error_naming_the_path(string? content, string expected)
    {
        if (content is not null)
        {
            _bed.WriteFile(FilePath, content);
        }

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new ProfileCredentialsProvider(_bed.Context).GetCredentialsAsync().AsTask());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(System.IO.Path.Combine(".alibabacloud", "credentials"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CredentialsTestBed.Secret, error.ToString(), StringComparison.Ordinal);
    }
}
