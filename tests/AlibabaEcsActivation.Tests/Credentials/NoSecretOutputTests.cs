using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

/// <summary>No provider and no credentials object prints a secret or token, before or after use.</summary>
public sealed class NoSecretOutputTests : IDisposable
{
    private readonly CredentialsTestBed _bed = new();

    public NoSecretOutputTests()
    {
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI-env-id";
        _bed.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = CredentialsTestBed.Secret;
        _bed.Environment["ALIBABA_CLOUD_SECURITY_TOKEN"] = CredentialsTestBed.Token;
        _bed.WriteFile(".aliyun/config.json", "{\"current\":\"p\",\"profiles\":[{\"name\":\"p\",\"mode\":\"StsToken\",\"access_key_id\":\"STS.cli\",\"access_key_secret\":\"" + CredentialsTestBed.Secret + "\",\"sts_token\":\"" + CredentialsTestBed.Token + "\"}]}");
        _bed.WriteFile(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_id = LTAI-file\naccess_key_secret = " + CredentialsTestBed.Secret + "\n");
        _bed.ServeMetadata();
        new StsFake(_bed.Http);
    }

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task No_provider_or_credentials_ToString_shows_a_secret_or_token()
    {
        CredentialsContext context = _bed.Context;
        var providers = new List<ICredentialsProvider>
        {
            new StaticCredentialsProvider("LTAI-static", CredentialsTestBed.Secret, CredentialsTestBed.Token),
            new EnvironmentCredentialsProvider(context.GetEnvironmentVariable),
            new CliProfileCredentialsProvider(context),
            new ProfileCredentialsProvider(context),
            new EcsRamRoleCredentialsProvider(context),
            new RamRoleArnCredentialsProvider(context, new StaticCredentialsProvider("LTAI-src", CredentialsTestBed.Secret), new RamRoleArnCredentialsProviderOptions { RoleArn = "acs:ram::1:role/r" }),
            new DefaultCredentialsProvider(context),
        };

        foreach (ICredentialsProvider provider in providers)
        {
            AlibabaCloudCredentials credentials = await provider.GetCredentialsAsync();
            foreach (string text in new[] { provider.ToString()!, credentials.ToString() })
            {
                Assert.DoesNotContain(CredentialsTestBed.Secret, text, StringComparison.Ordinal);
                Assert.DoesNotContain(CredentialsTestBed.Token, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Options_ToString_shows_no_policy_or_secret()
    {
        var options = new RamRoleArnCredentialsProviderOptions { RoleArn = "acs:ram::1:role/r", ExternalId = "ext-Do-Not-Print", Policy = "{}" };

        Assert.DoesNotContain("Do-Not-Print", options.ToString(), StringComparison.Ordinal);
    }
}
