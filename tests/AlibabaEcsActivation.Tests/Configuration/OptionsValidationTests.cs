using System;
using AlibabaEcsActivation.Credentials;
using Xunit;

namespace AlibabaEcsActivation.Tests.Configuration;

public class OptionsValidationTests
{
    private static string FailureOf(Action<EcsActivationClientOptions> configure)
    {
        var options = new EcsActivationClientOptions { RegionId = "cn-hangzhou" };
        configure(options);
        var result = new EcsActivationClientOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        return result.FailureMessage;
    }

    [Fact]
    public void Valid_minimal_options_pass()
    {
        var result = new EcsActivationClientOptionsValidator().Validate(null, new EcsActivationClientOptions { RegionId = "cn-hangzhou" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Missing_region_says_what_to_set()
    {
        Assert.Contains("RegionId is required", FailureOf(o => o.RegionId = null));
    }

    [Fact]
    public void Upper_case_region_is_explained()
    {
        Assert.Contains("lower-case", FailureOf(o => o.RegionId = "CN-Hangzhou"));
    }

    [Fact]
    public void Access_key_id_without_secret_is_rejected()
    {
        Assert.Contains("AccessKeySecret is required", FailureOf(o => o.AccessKeyId = "id"));
    }

    [Fact]
    public void Security_token_without_key_pair_is_rejected()
    {
        Assert.Contains("SecurityToken", FailureOf(o => o.SecurityToken = "tok"));
    }

    [Fact]
    public void Both_keys_and_a_provider_is_ambiguous()
    {
        Assert.Contains("either", FailureOf(o =>
        {
            o.AccessKeyId = "id";
            o.AccessKeySecret = "secret";
            o.CredentialsProvider = new EnvironmentCredentialsProvider();
        }));
    }

    [Fact]
    public void Attempt_timeout_longer_than_timeout_is_rejected()
    {
        Assert.Contains("must not exceed Timeout", FailureOf(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(5);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
        }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Retry_count_out_of_range_is_rejected(int retries)
    {
        Assert.Contains("MaxRetries must be between 0 and 10", FailureOf(o => o.MaxRetries = retries));
    }

    [Fact]
    public void Non_positive_delays_and_timeouts_are_rejected()
    {
        string failure = FailureOf(o =>
        {
            o.Timeout = TimeSpan.Zero;
            o.RetryBaseDelay = TimeSpan.Zero;
        });

        Assert.Contains("Timeout must be positive", failure);
        Assert.Contains("RetryBaseDelay must be positive", failure);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_rejected_without_opt_in()
    {
        Assert.Contains("plain HTTP", FailureOf(o => o.Endpoint = "http://ecs.cn-hangzhou.aliyuncs.com"));
    }

    [Fact]
    public void Endpoint_with_a_path_or_query_is_rejected()
    {
        Assert.Contains("not a host", FailureOf(o => o.Endpoint = "https://ecs.aliyuncs.com/api?x=1"));
    }

    [Fact]
    public void Constructor_throws_ArgumentException_with_every_failure()
    {
        var e = Assert.Throws<ArgumentException>(() => new EcsActivationClient(new EcsActivationClientOptions { MaxRetries = 99 }));

        Assert.Contains("RegionId is required", e.Message);
        Assert.Contains("MaxRetries", e.Message);
    }

    [Fact]
    public void Options_ToString_never_shows_the_secret_or_token()
    {
        var options = new EcsActivationClientOptions
        {
            RegionId = "cn-hangzhou",
            AccessKeyId = "LTAI5tAbcdefghijklmn",
            AccessKeySecret = "SuperSecretValue123",
            SecurityToken = "TokenValue456",
        };

        string text = options.ToString();

        Assert.DoesNotContain("SuperSecretValue123", text);
        Assert.DoesNotContain("TokenValue456", text);
        Assert.DoesNotContain("LTAI5tAbcdefghijklmn", text);
        Assert.Contains("<redacted>", text);
    }
}
