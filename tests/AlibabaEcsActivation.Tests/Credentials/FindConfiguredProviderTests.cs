using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

/// <summary>
/// <see cref="DefaultCredentialsProvider.FindConfiguredProvider"/>: which source the chain would start
/// from, told from the same environment, home directory and paths, without a request.
/// </summary>
public sealed class FindConfiguredProviderTests : IDisposable
{
    private readonly CredentialsTestBed _bed = new();
    private int _requests;

    public FindConfiguredProviderTests()
    {
        // Any request at all is counted: the answer must come without one.
        _bed.Http.Fallback.Respond(_ =>
        {
            _requests++;
            return new HttpResponseMessage(System.Net.HttpStatusCode.NotFound);
        });
    }

    public void Dispose() => _bed.Dispose();

    [Fact]
    public void Nothing_configured_is_null()
    {
        Assert.Null(Find());
        Assert.Equal(0, _requests);
    }

    [Fact]
    public void Environment_keys_are_the_environment_source()
    {
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI-env";
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";

        Assert.IsType<EnvironmentCredentialsProvider>(Find());
    }

    [Theory]
    [InlineData("ALIBABA_CLOUD_ACCESS_KEY_ID")]
    [InlineData("ALIBABA_CLOUD_ACCESS_KEY_SECRET")]
    public void One_environment_key_alone_is_not_configured(string variable)
    {
        _bed.Environment[variable] = "value";

        Assert.Null(Find());
    }

    [Fact]
    public void An_empty_environment_key_counts_as_unset_as_the_chain_reads_it()
    {
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI-env";
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "";

        Assert.Null(Find());
    }

    [Fact]
    public void The_three_OIDC_variables_are_the_OIDC_source()
    {
        SetOidc();

        Assert.IsType<OidcRoleArnCredentialsProvider>(Find());
        Assert.Equal(0, _requests);
    }

    [Theory]
    [InlineData("ALIBABA_CLOUD_ROLE_ARN")]
    [InlineData("ALIBABA_CLOUD_OIDC_PROVIDER_ARN")]
    [InlineData("ALIBABA_CLOUD_OIDC_TOKEN_FILE")]
    public void Two_of_the_three_OIDC_variables_are_not_configured(string missing)
    {
        SetOidc();
        _bed.Environment.Remove(missing);

        Assert.Null(Find());
    }

    [Fact]
    public void The_CLI_config_in_the_home_directory_is_the_CLI_source()
    {
        WriteCliConfig();

        Assert.IsType<CliProfileCredentialsProvider>(Find());
    }

    [Theory]
    [InlineData("true")]
    [InlineData(" TRUE ")]
    public void A_disabled_CLI_config_is_not_configured(string disabled)
    {
        WriteCliConfig();
        _bed.Environment["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = disabled;

        Assert.Null(Find());
    }

    [Fact]
    public void The_credentials_file_in_the_home_directory_is_the_file_source()
    {
        WriteCredentialsFile();

        Assert.IsType<ProfileCredentialsProvider>(Find());
    }

    [Fact]
    public void The_credentials_file_variable_names_the_file_that_counts()
    {
        string elsewhere = _bed.WriteFile(Path.Combine("elsewhere", "creds.ini"), "[default]\ntype = access_key\n");
        _bed.Environment["ALIBABA_CLOUD_CREDENTIALS_FILE"] = elsewhere;

        Assert.IsType<ProfileCredentialsProvider>(Find());
    }

    [Fact]
    public void A_credentials_file_variable_naming_a_missing_file_hides_the_file_in_the_home_directory()
    {
        WriteCredentialsFile();
        _bed.Environment["ALIBABA_CLOUD_CREDENTIALS_FILE"] = Path.Combine(_bed.Home, "missing.ini");

        Assert.Null(Find());
    }

    [Fact]
    public async Task A_file_that_is_present_but_malformed_still_counts_and_its_error_comes_from_the_call()
    {
        _bed.WriteFile(Path.Combine(".aliyun", "config.json"), "not json");
        var chain = new DefaultCredentialsProvider(_bed.Context);

        ICredentialsProvider? configured = chain.FindConfiguredProvider();

        Assert.IsType<CliProfileCredentialsProvider>(configured);
        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => configured!.GetCredentialsAsync().AsTask());
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_files_are_looked_for_in_the_chains_home_directory()
    {
        // The chain's home directory (HOME in production) decides, not wherever else a file may be.
        string otherHome = Path.Combine(_bed.Home, "other-home");
        _bed.WriteFile(Path.Combine("other-home", ".aliyun", "config.json"), "{}");
        _bed.WriteFile(Path.Combine("other-home", ".alibabacloud", "credentials"), "[default]\n");

        Assert.Null(Find());
        Assert.IsType<CliProfileCredentialsProvider>(new DefaultCredentialsProvider(_bed.Context with { HomeDirectory = otherHome }).FindConfiguredProvider());
    }

    [Fact]
    public void An_unknown_home_directory_finds_no_file_and_does_not_throw()
    {
        var context = _bed.Context with { HomeDirectory = null };

        Assert.Null(new DefaultCredentialsProvider(context).FindConfiguredProvider());
    }

    [Fact]
    public void An_unknown_home_directory_still_finds_the_credentials_file_its_variable_names()
    {
        _bed.Environment["ALIBABA_CLOUD_CREDENTIALS_FILE"] = _bed.WriteFile("creds.ini", "[default]\n");
        var context = _bed.Context with { HomeDirectory = null };

        Assert.IsType<ProfileCredentialsProvider>(new DefaultCredentialsProvider(context).FindConfiguredProvider());
    }

    [Fact]
    public void A_named_ECS_role_is_the_ECS_source_without_asking_the_metadata_service()
    {
        _bed.Environment["ALIBABA_CLOUD_ECS_METADATA"] = "EcsRole";

        Assert.IsType<EcsRamRoleCredentialsProvider>(Find());
        Assert.Equal(0, _requests);
    }

    [Fact]
    public void An_ECS_role_left_to_discovery_is_not_configured_because_only_the_metadata_service_knows()
    {
        _bed.ServeMetadata();

        Assert.Null(Find());
        Assert.Equal(0, _requests);
    }

    [Fact]
    public void A_named_ECS_role_with_the_metadata_source_disabled_is_not_configured()
    {
        _bed.Environment["ALIBABA_CLOUD_ECS_METADATA"] = "EcsRole";
        _bed.Environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";

        Assert.Null(Find());
    }

    [Fact]
    public void The_credentials_URI_variable_is_the_URI_source()
    {
        _bed.Environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = "http://127.0.0.1:9/creds";

        Assert.IsType<CredentialsUriProvider>(Find());
        Assert.Equal(0, _requests);
    }

    [Fact]
    public void The_first_configured_source_in_the_chains_order_is_the_answer()
    {
        _bed.Environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = "http://127.0.0.1:9/creds";
        _bed.Environment["ALIBABA_CLOUD_ECS_METADATA"] = "EcsRole";
        WriteCredentialsFile();
        WriteCliConfig();
        var chain = new DefaultCredentialsProvider(_bed.Context);

        Assert.Same(chain.Providers[2], chain.FindConfiguredProvider());

        SetOidc();
        var withOidc = new DefaultCredentialsProvider(_bed.Context);
        Assert.Same(withOidc.Providers[1], withOidc.FindConfiguredProvider());
    }

    [Fact]
    public async Task Settings_a_source_reads_once_count_as_it_read_them_when_the_chain_was_made()
    {
        var chain = new DefaultCredentialsProvider(_bed.Context);
        SetOidc();
        _bed.Environment["ALIBABA_CLOUD_ECS_METADATA"] = "EcsRole";
        _bed.Environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = "http://127.0.0.1:9/creds";

        Assert.Null(chain.FindConfiguredProvider());
        Assert.Equal(0, _requests);
        // The chain does not use them either: each of those sources read its settings when it was made
        // (its ECS role, left to discovery, finds nothing on this fake metadata service).
        await Assert.ThrowsAsync<EcsCredentialsException>(() => chain.GetCredentialsAsync().AsTask());
    }

    [Fact]
    public void Settings_a_source_reads_at_every_call_count_as_they_are_now()
    {
        var chain = new DefaultCredentialsProvider(_bed.Context);
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI-env";
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";

        Assert.IsType<EnvironmentCredentialsProvider>(chain.FindConfiguredProvider());
    }

    [Fact]
    public void The_CLI_switch_is_read_at_every_call()
    {
        WriteCliConfig();
        var chain = new DefaultCredentialsProvider(_bed.Context);
        _bed.Environment["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "true";

        Assert.Null(chain.FindConfiguredProvider());
    }

    [Fact]
    public void The_answer_is_one_of_the_chains_own_providers()
    {
        WriteCredentialsFile();
        var chain = new DefaultCredentialsProvider(_bed.Context);

        Assert.Same(chain.Providers[3], chain.FindConfiguredProvider());
    }

    [Fact]
    public async Task Once_a_source_has_yielded_credentials_it_is_the_answer()
    {
        WriteCredentialsFile();
        var chain = new DefaultCredentialsProvider(_bed.Context);
        await chain.GetCredentialsAsync();
        File.Delete(Path.Combine(_bed.Home, ".alibabacloud", "credentials"));
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI-env";
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";

        Assert.Same(chain.SelectedProvider, chain.FindConfiguredProvider());
        Assert.IsType<ProfileCredentialsProvider>(chain.FindConfiguredProvider());
    }

    [Fact]
    public void A_file_written_after_the_chain_was_made_is_found()
    {
        var chain = new DefaultCredentialsProvider(_bed.Context);
        Assert.Null(chain.FindConfiguredProvider());

        WriteCliConfig();

        Assert.IsType<CliProfileCredentialsProvider>(chain.FindConfiguredProvider());
    }

    private ICredentialsProvider? Find() => new DefaultCredentialsProvider(_bed.Context).FindConfiguredProvider();

    private void SetOidc()
    {
        _bed.Environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1:role/pod";
        _bed.Environment["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1:oidc-provider/p";
        _bed.Environment["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = Path.Combine(_bed.Home, "token");
    }

    private void WriteCliConfig() =>
        _bed.WriteFile(Path.Combine(".aliyun", "config.json"), "{\"current\":\"default\",\"profiles\":[{\"name\":\"default\",\"mode\":\"AK\",\"access_key_id\":\"LTAI-cli\",\"access_key_secret\":\"cli-secret\"}]}");

    private void WriteCredentialsFile() =>
        _bed.WriteFile(Path.Combine(".alibabacloud", "credentials"), "[default]\ntype = access_key\naccess_key_id = LTAI-file\naccess_key_secret = file-secret\n");
}
