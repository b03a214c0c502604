using System;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

public sealed class DefaultCredentialsProviderTests : IDisposable
{
    private readonly CredentialsTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Environment_variables_come_first()
    {
        SetEnvironmentKeys();
        WriteCliConfig();

        var credentials = await new DefaultCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("LTAI-env", credentials.AccessKeyId);
        Assert.Equal("default/env", credentials.ProviderName);
    }

    [Fact]
    public async Task OIDC_comes_before_the_CLI_profile()
    {
        _bed.Environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1:role/pod";
        _bed.Environment["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1:oidc-provider/p";
        _bed.Environment["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = _bed.WriteFile("token", "t");
        new StsFake(_bed.Http);
        WriteCliConfig();

        var credentials = await new DefaultCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("default/oidc_role_arn", credentials.ProviderName);
    }

    [Fact]
    public async Task The_CLI_profile_is_used_when_the_environment_has_no_keys()
    {
        WriteCliConfig();
        WriteCredentialsFile();

        var credentials = await new DefaultCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("default/cli_profile/static_ak", credentials.ProviderName);
    }

    [Fact]
    public async Task The_credentials_file_is_used_when_there_is_no_CLI_config()
    {
        WriteCredentialsFile();

        var credentials = await new DefaultCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("default/profile/static_ak", credentials.ProviderName);
    }

    [Fact]
    public async Task The_ECS_role_comes_before_the_credentials_URI()
    {
        _bed.Environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = "http://127.0.0.1:9/creds";
        _bed.Http.When("http://127.0.0.1:9/creds").Respond("application/json", CredentialsTestBed.SessionJson(code: null));
        _bed.ServeMetadata();

        var credentials = await new DefaultCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("default/ecs_ram_role", credentials.ProviderName);
    }

    [Fact]
    public async Task The_credentials_URI_is_the_last_resort()
    {
        _bed.Environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";
        _bed.Environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = "http://127.0.0.1:9/creds";
        _bed.Http.When("http://127.0.0.1:9/creds").Respond("application/json", CredentialsTestBed.SessionJson(code: null));

        var credentials = await new DefaultCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("default/credential_uri", credentials.ProviderName);
    }

    [Fact]
    public async Task The_provider_that_worked_is_remembered()
    {
        WriteCliConfig();
        var chain = new DefaultCredentialsProvider(_bed.Context);
        await chain.GetCredentialsAsync();

        SetEnvironmentKeys();
        var later = await chain.GetCredentialsAsync();

        Assert.Equal("default/cli_profile/static_ak", later.ProviderName);
        Assert.IsType<CliProfileCredentialsProvider>(chain.SelectedProvider);
    }

    [Fact]
    public async Task When_nothing_is_found_the_error_lists_every_source_in_order_with_its_reason()
    {
        _bed.Environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new DefaultCredentialsProvider(_bed.Context).GetCredentialsAsync().AsTask());

        string[] expectedInOrder =
        {
            "1. Environment variable ALIBABA_CLOUD_ACCESS_KEY_ID is not set.",
            "2. OIDC role: not set: ALIBABA_CLOUD_ROLE_ARN",
            "3. aliyun CLI config ~/.aliyun/config.json", "file not found",
            "4. credentials file ", System.IO.Path.Combine(".alibabacloud", "credentials"), "file not found",
            "5. ECS RAM role", "disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED=true",
            "6. credentials URI: ALIBABA_CLOUD_CREDENTIALS_URI is not set.",
        };
        int position = 0;
        foreach (string expected in expectedInOrder)
        {
            int found = error.Message.IndexOf(expected, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{expected}' missing or out of order in:\n{error.Message}");
            position = found + expected.Length;
        }
    }

    [Fact]
    public async Task The_error_never_contains_a_secret_even_when_every_source_holds_one()
    {
        string secret = CredentialsTestBed.Secret;
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = secret; // but no ID
        _bed.Environment["ALIBABA_CLOUD_SECURITY_TOKEN"] = CredentialsTestBed.Token;
        _bed.WriteFile(".aliyun/config.json", "{\"current\":\"p\",\"profiles\":[{\"name\":\"p\",\"mode\":\"AK\",\"access_key_secret\":\"" + secret + "\"}]}");
        _bed.WriteFile(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_secret = " + secret + "\n");
        _bed.ServeMetadata(credentialsJson: "{\"Code\":\"Failed\",\"AccessKeySecret\":\"" + secret + "\",\"SecurityToken\":\"" + CredentialsTestBed.Token + "\"}");

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new DefaultCredentialsProvider(_bed.Context).GetCredentialsAsync().AsTask());

        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(CredentialsTestBed.Token, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Code is 'Failed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_without_credentials_in_its_options_uses_the_default_chain()
    {
        using var client = new EcsActivationClient(new EcsActivationClientOptions { RegionId = "cn-hangzhou" });

        Assert.IsType<DefaultCredentialsProvider>(client.CredentialsProvider);
    }

    [Fact]
    public void Client_with_an_AccessKey_in_its_options_does_not_use_the_chain()
    {
        using var client = new EcsActivationClient(new EcsActivationClientOptions { RegionId = "cn-hangzhou", AccessKeyId = "LTAI-x", AccessKeySecret = "s" });

        Assert.IsType<StaticCredentialsProvider>(client.CredentialsProvider);
    }

    [Fact]
    public void Dependency_injection_without_credentials_uses_the_default_chain()
    {
        var services = new ServiceCollection();
        services.AddEcsActivationClient(o => o.RegionId = "cn-beijing");
        using var provider = services.BuildServiceProvider();

        var client = Assert.IsType<EcsActivationClient>(provider.GetRequiredService<IEcsActivationClient>());

        Assert.IsType<DefaultCredentialsProvider>(client.CredentialsProvider);
    }

    private void SetEnvironmentKeys()
    {
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI-env";
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";
    }

    private void WriteCliConfig() =>
        _bed.WriteFile(".aliyun/config.json", "{\"current\":\"default\",\"profiles\":[{\"name\":\"default\",\"mode\":\"AK\",\"access_key_id\":\"LTAI-cli\",\"access_key_secret\":\"cli-secret\"}]}");

    private void WriteCredentialsFile() =>
        _bed.WriteFile(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_id = LTAI-file\naccess_key_secret = file-secret\n");
}
