using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Diagnostics;
using AlibabaEcsActivation.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Configuration;

public class DependencyInjectionTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Resolves_a_singleton_client_configured_in_code()
    {
        var services = new ServiceCollection();
        services.AddEcsActivationClient(o => o.RegionId = "cn-beijing");
        using var provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<IEcsActivationClient>();

        Assert.IsType<EcsActivationClient>(first);
        Assert.Same(first, provider.GetRequiredService<IEcsActivationClient>());
    }

    [Fact]
    public void Binds_every_option_from_a_configuration_section()
    {
        var services = new ServiceCollection();
        services.AddEcsActivationClient(Config(
            ("Ecs:RegionId", "cn-shanghai"), ("Ecs:Endpoint", "http://127.0.0.1:9000"), ("Ecs:Timeout", "00:00:30"),
            ("Ecs:AttemptTimeout", "00:00:05"), ("Ecs:MaxRetries", "5"), ("Ecs:RetryBaseDelay", "00:00:00.100"),
            ("Ecs:RetryMaxDelay", "00:00:02"), ("Ecs:RetryThrottling", "false"), ("Ecs:AllowInsecureHttp", "true"),
            ("Ecs:UserAgentSuffix", "ops/1")).GetSection("Ecs"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<EcsActivationClientOptions>>().Value;

        Assert.Equal("cn-shanghai", options.RegionId);
        Assert.Equal("http://127.0.0.1:9000", options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryMaxDelay);
        Assert.False(options.RetryThrottling);
        Assert.True(options.AllowInsecureHttp);
        Assert.Equal("ops/1", options.UserAgentSuffix);
    }

    [Fact]
    public void Unparseable_configuration_value_names_the_key()
    {
        var services = new ServiceCollection();
        services.AddEcsActivationClient(Config(("Ecs:RegionId", "cn-hangzhou"), ("Ecs:Timeout", "soon")).GetSection("Ecs"));
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<EcsActivationClientOptions>>().Value);

        Assert.Contains("Ecs:Timeout", e.Message);
        Assert.Contains("soon", e.Message);
    }

    [Fact]
    public async Task Invalid_options_fail_host_start_with_what_to_fix()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEcsActivationClient(o => o.MaxRetries = 42);
        using IHost host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("RegionId is required", e.Message);
        Assert.Contains("MaxRetries must be between 0 and 10", e.Message);
    }

    [Fact]
    public async Task Client_sends_through_the_named_HttpClient_from_the_factory()
    {
        var mock = new MockHttpMessageHandler();
        var matched = mock.When("*").Respond("application/json", ApiResponses.DisableSuccessTyped);
        var services = new ServiceCollection();
        services.AddEcsActivationClient(o =>
        {
            o.RegionId = "cn-hangzhou";
            o.CredentialsProvider = new StaticCredentialsProvider("id", "secret");
        }).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var response = await provider.GetRequiredService<IEcsActivationClient>().DisableActivationAsync("id-1");

        Assert.True(response.Activation.Disabled);
        Assert.Equal(1, mock.GetMatchCount(matched));
    }

    [Theory]
    [InlineData(EcsSignatureAlgorithm.HmacSha1)]
    [InlineData(EcsSignatureAlgorithm.Acs3HmacSha256)]
    public async Task No_log_line_contains_the_secret_the_signature_or_the_token_and_the_factory_logs_none(string algorithm)
    {
        var mock = new MockHttpMessageHandler();
        string? signature = null;
        mock.When("*").With(r =>
            {
                RecordedRequest recorded = RecordedRequest.From(r);
                signature = algorithm == EcsSignatureAlgorithm.HmacSha1
                    ? recorded["Signature"]
                    : recorded.Headers["Authorization"]![(recorded.Headers["Authorization"]!.LastIndexOf('=') + 1)..];
                return true;
            })
            .Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddEcsActivationClient(o =>
        {
            o.RegionId = "cn-hangzhou";
            o.AccessKeyId = "STS.LTAIabcdefgh";
            o.AccessKeySecret = ClientFactory.AccessKeySecret;
            o.SecurityToken = ClientFactory.SecurityToken;
            o.SignatureAlgorithm = algorithm;
        }).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEcsActivationClient>().DisableActivationAsync("id-1");

        var records = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Category == EcsActivationDiagnostics.LoggerCategory);
        // The factory's loggers write request headers (V3's Authorization and token) into their Trace
        // records, and Microsoft.Extensions.Http 8.0 (what a .NET 8 app may resolve) the whole request URI.
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal) == true);
        Assert.False(string.IsNullOrEmpty(signature));
        foreach (string line in records.Select(r => r.AllText()))
        {
            Assert.DoesNotContain(ClientFactory.AccessKeySecret, line);
            Assert.DoesNotContain("STS-TOKEN-SECRET", line);
            Assert.DoesNotContain(signature!, line);
            Assert.DoesNotContain(Uri.EscapeDataString(signature!), line);
        }
    }

    [Fact]
    public async Task The_credentials_client_has_none_of_the_factorys_loggers_either()
    {
        // STS requests carry their Signature and AccessKeyId in the URL, which the factory's loggers write.
        var mock = new MockHttpMessageHandler();
        MockedRequest sts = mock.When("*").Respond(HttpStatusCode.OK);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddEcsActivationClient(o => o.RegionId = "cn-hangzhou");
        services.AddHttpClient(EcsActivationServiceCollectionExtensions.CredentialsHttpClientName).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        HttpClient client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(EcsActivationServiceCollectionExtensions.CredentialsHttpClientName);
        using HttpResponseMessage response = await client.GetAsync("http://127.0.0.1/?Action=AssumeRole&Signature=STS-SIGNATURE");

        Assert.Equal(1, mock.GetMatchCount(sts));
        Assert.DoesNotContain(provider.GetFakeLogCollector().GetSnapshot(), r => r.Category?.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Binds_the_signature_algorithm_from_configuration()
    {
        var services = new ServiceCollection();
        services.AddEcsActivationClient(Config(("Ecs:RegionId", "cn-hangzhou"), ("Ecs:SignatureAlgorithm", "ACS3-HMAC-SHA256")).GetSection("Ecs"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<EcsActivationClientOptions>>().Value;

        Assert.Equal(EcsSignatureAlgorithm.Acs3HmacSha256, options.SignatureAlgorithm);
    }

    [Fact]
    public async Task Unknown_signature_algorithm_in_configuration_fails_host_start_naming_the_accepted_values()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEcsActivationClient(Config(("Ecs:RegionId", "cn-hangzhou"), ("Ecs:SignatureAlgorithm", "HMAC-SHA256")).GetSection("Ecs"));
        using IHost host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SignatureAlgorithm must be \"HMAC-SHA1\" (RPC signature v1, the default) or \"ACS3-HMAC-SHA256\" (signature V3); it is \"HMAC-SHA256\"", e.Message);
    }
}
