using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Diagnostics;
using AlibabaEcsActivation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

/// <summary>
/// The default chain the client builds sends STS and credentials-URI requests through the HttpClient the
/// user configures (the option outside dependency injection, the named client in it), so that a proxy or
/// handler applies to them; the metadata service is called directly, never through that client.
/// </summary>
public sealed class CredentialsHttpClientTests : IDisposable
{
    private const string CredentialsUri = "http://127.0.0.1:9/creds?token=uri-query-secret";

    private readonly CredentialsTestBed _bed = new();

    /// <summary>The user's credentials client: its handler stands in for a proxy and records what went through it.</summary>
    private readonly MockHttpMessageHandler _configured = new();

    /// <summary>The ECS API.</summary>
    private readonly MockHttpMessageHandler _ecs = new();

    private readonly FakeLogCollector _logs = new();

    public CredentialsHttpClientTests()
    {
        _ecs.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
    }

    public void Dispose()
    {
        _bed.Dispose();
        _configured.Dispose();
        _ecs.Dispose();
    }

    [Fact]
    public async Task Outside_DI_the_credentials_URI_is_read_through_the_option_client()
    {
        MockedRequest uri = ServeCredentialsUri();
        using var credentialsClient = new HttpClient(_configured);
        using var client = ClientWithDefaultChain(o => o.CredentialsHttpClient = credentialsClient);

        await client.DisableActivationAsync("id-1");

        Assert.Equal(1, _configured.GetMatchCount(uri));
        Assert.Equal("default/credential_uri", (await client.CredentialsProvider.GetCredentialsAsync()).ProviderName);
    }

    [Fact]
    public async Task Outside_DI_STS_is_called_through_the_option_client()
    {
        var sts = ServeOidcRole();
        using var credentialsClient = new HttpClient(_configured);
        using var client = ClientWithDefaultChain(o => o.CredentialsHttpClient = credentialsClient);

        await client.DisableActivationAsync("id-1");

        Assert.Equal("AssumeRoleWithOIDC", Assert.Single(sts.Requests).Query["Action"]);
    }

    [Fact]
    public async Task In_DI_the_credentials_URI_is_read_through_the_named_client()
    {
        MockedRequest uri = ServeCredentialsUri();
        using ServiceProvider provider = ServicesWithDefaultChain().BuildServiceProvider();

        await provider.GetRequiredService<IEcsActivationClient>().DisableActivationAsync("id-1");

        Assert.Equal(1, _configured.GetMatchCount(uri));
    }

    [Fact]
    public async Task In_DI_STS_is_called_through_the_named_client()
    {
        var sts = ServeOidcRole();
        using ServiceProvider provider = ServicesWithDefaultChain().BuildServiceProvider();

        await provider.GetRequiredService<IEcsActivationClient>().DisableActivationAsync("id-1");

        Assert.Equal("AssumeRoleWithOIDC", Assert.Single(sts.Requests).Query["Action"]);
    }

    [Fact]
    public async Task Outside_DI_the_metadata_service_is_not_called_through_the_option_client()
    {
        MockedRequest anything = _configured.When("*").Respond(HttpStatusCode.OK);
        using var metadata = ServeMetadataOverLoopback(out ConcurrentQueue<string> seen);
        using var credentialsClient = new HttpClient(_configured);
        using var client = ClientWithDefaultChain(o => o.CredentialsHttpClient = credentialsClient, _bed.Offline with { MetadataBaseAddress = metadata.BaseAddress });

        await client.DisableActivationAsync("id-1");

        Assert.Equal(0, _configured.GetMatchCount(anything));
        Assert.Equal(2, seen.Count); // the token, then the named role's credentials: straight to the service
    }

    [Fact]
    public async Task In_DI_the_metadata_service_is_not_called_through_the_named_client()
    {
        MockedRequest anything = _configured.When("*").Respond(HttpStatusCode.OK);
        using var metadata = ServeMetadataOverLoopback(out ConcurrentQueue<string> seen);
        using ServiceProvider provider = ServicesWithDefaultChain(_bed.Offline with { MetadataBaseAddress = metadata.BaseAddress }).BuildServiceProvider();

        await provider.GetRequiredService<IEcsActivationClient>().DisableActivationAsync("id-1");

        Assert.Equal(0, _configured.GetMatchCount(anything));
        Assert.Equal(2, seen.Count);
    }

    [Fact]
    public void The_metadata_client_never_uses_a_proxy()
    {
        using HttpMessageHandler handler = CredentialsHttp.CreateMetadataHandler();

        bool useProxy = handler switch
        {
#if NET8_0_OR_GREATER
            SocketsHttpHandler sockets => sockets.UseProxy,
#endif
            HttpClientHandler classic => classic.UseProxy,
            _ => throw new InvalidOperationException("unexpected handler " + handler.GetType()),
        };

        Assert.False(useProxy);
    }

    [Fact]
    public async Task The_chain_logs_once_which_source_it_chose_and_no_secret()
    {
        ServeCredentialsUri();
        using var credentialsClient = new HttpClient(_configured);
        using var logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
        using var client = ClientWithDefaultChain(o => o.CredentialsHttpClient = credentialsClient, loggerFactory: logging);

        await client.DisableActivationAsync("id-1");
        await client.DisableActivationAsync("id-2");

        FakeLogRecord chosen = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == CredentialsLog.SourceChosenEventId);
        Assert.Equal(LogLevel.Information, chosen.Level);
        Assert.Equal("CredentialsSourceChosen", chosen.Id.Name);
        Assert.Equal(nameof(CredentialsUriProvider), chosen.GetStructuredStateValue("Source"));
        foreach (string line in _logs.GetSnapshot().Select(r => r.AllText()))
        {
            Assert.DoesNotContain(CredentialsTestBed.Secret, line, StringComparison.Ordinal);
            Assert.DoesNotContain(CredentialsTestBed.Token, line, StringComparison.Ordinal);
            Assert.DoesNotContain("uri-query-secret", line, StringComparison.Ordinal);
        }
    }

    private MockedRequest ServeCredentialsUri()
    {
        _bed.Environment[EcsRamRoleCredentialsProvider.DisabledVariable] = "true";
        _bed.Environment[CredentialsUriProvider.UriVariable] = CredentialsUri;
        return _configured.When(HttpMethod.Get, "http://127.0.0.1:9/creds").Respond("application/json", CredentialsTestBed.SessionJson("STS.uri", code: null));
    }

    private StsFake ServeOidcRole()
    {
        _bed.Environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1:role/pod";
        _bed.Environment["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1:oidc-provider/p";
        _bed.Environment["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = _bed.WriteFile("token", "oidc-token");
        return new StsFake(_configured);
    }

    /// <summary>The metadata service over real HTTP on 127.0.0.1, for the library's own metadata client; the role is named in the environment.</summary>
    private LoopbackServer ServeMetadataOverLoopback(out ConcurrentQueue<string> seen)
    {
        _bed.Environment[EcsRamRoleCredentialsProvider.RoleNameVariable] = "LoopRole";
        var requests = new ConcurrentQueue<string>();
        seen = requests;
        return new LoopbackServer(request =>
        {
            requests.Enqueue(request.Url!.AbsolutePath);
            return request.Url.AbsolutePath == EcsRamRoleCredentialsProvider.TokenPath
                ? (200, "loopback-token")
                : (200, CredentialsTestBed.SessionJson("STS.ecs"));
        });
    }

    /// <summary>A client whose credentials come from the default chain over the bed's environment and HOME, with the library's own HTTP clients.</summary>
    private EcsActivationClient ClientWithDefaultChain(Action<EcsActivationClientOptions> configure, CredentialsContext? context = null, ILoggerFactory? loggerFactory = null) =>
        ClientFactory.Create(_ecs, o =>
        {
            o.CredentialsProvider = null;
            o.CredentialsContext = context ?? _bed.Offline;
            configure(o);
        }, loggerFactory);

    private ServiceCollection ServicesWithDefaultChain(CredentialsContext? context = null)
    {
        var services = new ServiceCollection();
        services.AddEcsActivationClient(o =>
        {
            o.RegionId = "cn-hangzhou";
            o.CredentialsContext = context ?? _bed.Offline;
        }).ConfigurePrimaryHttpMessageHandler(() => _ecs);
        services.AddHttpClient(EcsActivationServiceCollectionExtensions.CredentialsHttpClientName).ConfigurePrimaryHttpMessageHandler(() => _configured);
        return services;
    }
}
