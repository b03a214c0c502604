using System;
using System.Diagnostics.Metrics;
using System.Net;
using System.Threading.Tasks;
using AlibabaEcsActivation.Diagnostics;
using AlibabaEcsActivation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Configuration;

/// <summary>Through dependency injection the client takes the container's clock, meter factory and logger factory.</summary>
public class DependencyInjectionObservabilityTests
{
    private static ServiceCollection Services(MockHttpMessageHandler mock, Action<EcsActivationClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddEcsActivationClient(o =>
        {
            o.RegionId = "cn-hangzhou";
            o.AccessKeyId = ClientFactory.AccessKeyId;
            o.AccessKeySecret = ClientFactory.AccessKeySecret;
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => mock);
        return services;
    }

    private static EcsActivationClient Client(ServiceProvider provider) => (EcsActivationClient)provider.GetRequiredService<IEcsActivationClient>();

    [Fact]
    public async Task A_registered_TimeProvider_is_the_clients_clock_and_times_its_responses()
    {
        var clock = new TestClock { AutoAdvanceAmount = TimeSpan.Zero };
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(() =>
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            return Task.FromResult(ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        });
        ServiceCollection services = Services(mock);
        services.AddSingleton<TimeProvider>(clock);
        using ServiceProvider provider = services.BuildServiceProvider();

        DisableActivationResponse response = await Client(provider).DisableActivationAsync("id-1");

        Assert.Same(clock, Client(provider).TimeProvider);
        Assert.Equal(TimeSpan.FromSeconds(2), response.ResponseMetadata.Elapsed);
    }

    [Fact]
    public void The_default_credentials_chain_expires_and_refreshes_on_the_registered_clock()
    {
        var clock = new TestClock();
        var services = new ServiceCollection();
        services.AddEcsActivationClient(o => o.RegionId = "cn-hangzhou");
        services.AddSingleton<TimeProvider>(clock);
        using ServiceProvider provider = services.BuildServiceProvider();

        var chain = Assert.IsType<AlibabaEcsActivation.Credentials.DefaultCredentialsProvider>(Client(provider).CredentialsProvider);

        Assert.Same(clock, chain.Context.TimeProvider);
    }

    [Fact]
    public void A_TimeProvider_set_in_the_options_wins_over_the_registered_one()
    {
        var registered = new TestClock();
        var configured = new TestClock();
        ServiceCollection services = Services(new MockHttpMessageHandler(), o => o.TimeProvider = configured);
        services.AddSingleton<TimeProvider>(registered);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(configured, Client(provider).TimeProvider);
    }

    [Fact]
    public void Without_a_registered_TimeProvider_the_client_runs_on_the_system_clock()
    {
        using ServiceProvider provider = Services(new MockHttpMessageHandler()).BuildServiceProvider();

        Assert.Same(TimeProvider.System, Client(provider).TimeProvider);
    }

    [Fact]
    public async Task The_containers_meter_factory_makes_the_meter_and_sees_the_calls()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        ServiceCollection services = Services(mock);
        services.AddMetrics();
        using ServiceProvider provider = services.BuildServiceProvider();
        var meterFactory = provider.GetRequiredService<IMeterFactory>();
        using var durations = new MetricCollector<double>(meterFactory, EcsActivationDiagnostics.MeterName, "rpc.client.call.duration");

        await Client(provider).DisableActivationAsync("id-1");

        Assert.Same(meterFactory, Client(provider).Meter.Scope);
        Assert.Equal("DisableActivation", Assert.Single(durations.GetMeasurementSnapshot()).Tags["rpc.method"]);
    }

    [Fact]
    public async Task The_containers_logger_factory_receives_the_clients_log_lines()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        ServiceCollection services = Services(mock);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
        using ServiceProvider provider = services.BuildServiceProvider();

        await Client(provider).DisableActivationAsync("id-1");

        FakeLogRecord record = Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), r => r.Category == EcsActivationDiagnostics.LoggerCategory);
        Assert.Equal((1, LogLevel.Debug), (record.Id.Id, record.Level));
    }
}
