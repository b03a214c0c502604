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

    [Theory]
    [InlineData("no RegionId", "RegionId is required")]
    [InlineData("upper-case RegionId", "lower-case")]
    [InlineData("AccessKeyId without AccessKeySecret", "AccessKeySecret is required")]
    [InlineData("SecurityToken without a key pair", "SecurityToken")]
    [InlineData("both keys and a provider", "either")]
    [InlineData("AttemptTimeout longer than Timeout", "must not exceed Timeout")]
    [InlineData("MaxRetries -1", "MaxRetries must be between 0 and 10")]
    [InlineData("MaxRetries 11", "MaxRetries must be between 0 and 10")]
    [InlineData("plain HTTP to a remote host without the opt-in", "plain HTTP")]
    [InlineData("Endpoint with a path and query", "not a host")]
    public void Invalid_option_is_rejected_saying_what_to_fix(string invalid, string failure)
    {
        Assert.Contains(failure, FailureOf(Invalid(invalid)));
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

    /// <summary>The change that makes minimal valid options invalid, by the name a theory case gives it.</summary>
    private static Action<EcsActivationClientOptions> Invalid(string invalid) => invalid switch
    {
        "no RegionId" => o => o.RegionId = null,
        "upper-case RegionId" => o => o.RegionId = "CN-Hangzhou",
        "AccessKeyId without AccessKeySecret" => o => o.AccessKeyId = "id",
        "SecurityToken without a key pair" => o => o.SecurityToken = "tok",
        "both keys and a provider" => o =>
        {
            o.AccessKeyId = "id";
            o.AccessKeySecret = "secret";
            o.CredentialsProvider = new EnvironmentCredentialsProvider();
        },
        "AttemptTimeout longer than Timeout" => o =>
        {
            o.Timeout = TimeSpan.FromSeconds(5);
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
        },
        "MaxRetries -1" => o => o.MaxRetries = -1,
        "MaxRetries 11" => o => o.MaxRetries = 11,
        "plain HTTP to a remote host without the opt-in" => o => o.Endpoint = "http://ecs.cn-hangzhou.aliyuncs.com",
        "Endpoint with a path and query" => o => o.Endpoint = "https://ecs.aliyuncs.com/api?x=1",
        _ => throw new ArgumentOutOfRangeException(nameof(invalid), invalid, "no such case"),
    };
    [Theory]
    [InlineData("HMAC-SHA1")]
    [InlineData("ACS3-HMAC-SHA256")]
    [InlineData("acs3-hmac-sha256")]
    public void Either_signature_algorithm_is_accepted(string algorithm)
    {
        var result = new EcsActivationClientOptionsValidator().Validate(null, new EcsActivationClientOptions { RegionId = "cn-hangzhou", SignatureAlgorithm = algorithm });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("SHA256")]
    [InlineData("")]
    [InlineData(null)]
    public void Another_signature_algorithm_is_rejected_naming_the_accepted_values(string? algorithm)
    {
        string failure = FailureOf(o => o.SignatureAlgorithm = algorithm!);

        Assert.Contains("SignatureAlgorithm must be \"HMAC-SHA1\" (RPC signature v1, the default) or \"ACS3-HMAC-SHA256\" (signature V3)", failure);
    }
}
