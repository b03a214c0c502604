using System.Collections.Generic;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Configuration;

public class CredentialsBasicsTests
{
    [Fact]
    public async Task Environment_provider_reads_the_three_standard_variables()
    {
        var env = new Dictionary<string, string?>
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAIenvironment",
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret",
            ["ALIBABA_CLOUD_SECURITY_TOKEN"] = "env-token",
        };
        var provider = new EnvironmentCredentialsProvider(name => env.GetValueOrDefault(name));

        var credentials = await provider.GetCredentialsAsync();

        Assert.Equal("LTAIenvironment", credentials.AccessKeyId);
        Assert.Equal("env-secret", credentials.AccessKeySecret);
        Assert.Equal("env-token", credentials.SecurityToken);
        Assert.Equal("env", credentials.ProviderName);
    }

    [Fact]
    public async Task Environment_provider_without_secret_names_the_missing_variable_only()
    {
        var provider = new EnvironmentCredentialsProvider(name => name == "ALIBABA_CLOUD_ACCESS_KEY_ID" ? "LTAIonly" : null);

        var e = await Assert.ThrowsAsync<EcsCredentialsException>(async () => await provider.GetCredentialsAsync());

        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET", e.Message);
        Assert.DoesNotContain("LTAIonly", e.Message);
    }

    [Fact]
    public void Credentials_ToString_masks_the_id_and_hides_secret_and_token()
    {
        var credentials = new AlibabaCloudCredentials("LTAI5tAbcdefghijklmn", "the-secret", "the-token");

        string text = credentials.ToString() + new StaticCredentialsProvider(credentials);

        Assert.DoesNotContain("the-secret", text);
        Assert.DoesNotContain("the-token", text);
        Assert.DoesNotContain("LTAI5tAbcdefghijklmn", text);
        Assert.Contains("LTAI****klmn", text);
    }

    [Fact]
    public async Task Credentials_provider_failure_is_not_retried_and_sends_nothing()
    {
        var mock = new MockHttpMessageHandler();
        var any = mock.When("*").Respond("application/json", "{}");
        using var client = Tests.Infrastructure.ClientFactory.Create(mock, o => o.CredentialsProvider = new EnvironmentCredentialsProvider(_ => null));

        await Assert.ThrowsAsync<EcsCredentialsException>(() => client.DisableActivationAsync("id-1"));

        Assert.Equal(0, mock.GetMatchCount(any));
    }
}
