using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.Diagnostics;
using AlibabaEcsActivation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Diagnostics;

/// <summary>
/// The meter's instruments (README, "Metrics"), read with MetricCollector from a meter factory of the
/// test's own, so that no other test's calls are counted.
/// </summary>
public sealed class MetricsTests : IDisposable
{
    private const string CallDuration = "rpc.client.call.duration";
    private const string Retries = "alibaba_ecs_activation.client.retries";

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_successful_call_records_its_duration_in_seconds_on_the_fake_clock_without_error_type()
    {
        var clock = new TestClock { AutoAdvanceAmount = TimeSpan.Zero };
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(() =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(1500));
            return Task.FromResult(ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        });
        using var durations = new MetricCollector<double>(MeterFactory, EcsActivationDiagnostics.MeterName, CallDuration);
        using var client = ClientFactory.Create(mock, o => o.TimeProvider = clock, meterFactory: MeterFactory);

        await client.DisableActivationAsync("id-1");

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(1.5, measurement.Value);
        Assert.Equal("s", durations.Instrument!.Unit);
        Assert.Equal("alibaba_cloud_rpc", measurement.Tags["rpc.system"]);
        Assert.Equal("Ecs", measurement.Tags["rpc.service"]);
        Assert.Equal("DisableActivation", measurement.Tags["rpc.method"]);
        Assert.Equal("cn-hangzhou", measurement.Tags["cloud.region"]);
        Assert.False(measurement.ContainsTags("error.type"));
    }

    [Fact]
    public async Task A_failed_call_records_its_duration_with_the_error_code_as_error_type()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.NotFound, ApiResponses.Error("ActivationId.NotFound", "gone")));
        using var durations = new MetricCollector<double>(MeterFactory, EcsActivationDiagnostics.MeterName, CallDuration);
        using var client = ClientFactory.Create(mock, meterFactory: MeterFactory);

        await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DeleteActivationAsync("id-1"));

        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("DeleteActivation", measurement.Tags["rpc.method"]);
        Assert.Equal("ActivationId.NotFound", measurement.Tags["error.type"]);
    }

    [Fact]
    public async Task Each_retry_is_counted_with_what_the_failed_attempt_met()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("*").Respond(_ => ApiResponses.Json(HttpStatusCode.ServiceUnavailable, ApiResponses.Error("Throttling.User", "slow down")));
        mock.Expect("*").Throw(new HttpRequestException("Connection refused"));
        mock.Expect("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        using var retries = new MetricCollector<long>(MeterFactory, EcsActivationDiagnostics.MeterName, Retries);
        using var durations = new MetricCollector<double>(MeterFactory, EcsActivationDiagnostics.MeterName, CallDuration);
        using var client = ClientFactory.Create(mock, meterFactory: MeterFactory);

        await client.DisableActivationAsync("id-1");

        var counted = retries.GetMeasurementSnapshot();
        Assert.Equal([1L, 1L], counted.Select(m => m.Value));
        Assert.Equal(["Throttling.User", "HttpRequestException"], counted.Select(m => m.Tags["error.type"]));
        Assert.All(counted, m => Assert.Equal("DisableActivation", m.Tags["rpc.method"]));
        Assert.All(counted, m => Assert.Equal("cn-hangzhou", m.Tags["cloud.region"]));
        Assert.False(Assert.Single(durations.GetMeasurementSnapshot()).ContainsTags("error.type"));
    }

    [Fact]
    public async Task A_call_that_succeeds_first_time_counts_no_retry()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        using var retries = new MetricCollector<long>(MeterFactory, EcsActivationDiagnostics.MeterName, Retries);
        using var client = ClientFactory.Create(mock, meterFactory: MeterFactory);

        await client.DisableActivationAsync("id-1");

        Assert.Empty(retries.GetMeasurementSnapshot());
        Assert.NotNull(retries.Instrument);
    }

    [Fact]
    public void Without_a_meter_factory_the_client_owns_its_meter_and_disposes_it_with_itself()
    {
        using var client = ClientFactory.Create(new MockHttpMessageHandler());
        int published = 0, completed = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, client.Meter))
                {
                    published++;
                    l.EnableMeasurementEvents(instrument);
                }
            },
            MeasurementsCompleted = (instrument, _) => completed += ReferenceEquals(instrument.Meter, client.Meter) ? 1 : 0,
        };
        listener.Start();
        Assert.Equal(EcsActivationDiagnostics.MeterName, client.Meter.Name);
        Assert.Null(client.Meter.Scope);
        Assert.Equal(2, published);

        client.Dispose();

        Assert.Equal(2, completed);
    }

    [Fact]
    public void With_a_meter_factory_the_meter_is_the_factorys_and_outlives_the_client()
    {
        Meter meter;
        using (var client = ClientFactory.Create(new MockHttpMessageHandler(), meterFactory: MeterFactory))
        {
            meter = client.Meter;
            Assert.Same(MeterFactory, meter.Scope);
        }

        using var durations = new MetricCollector<double>(MeterFactory, EcsActivationDiagnostics.MeterName, CallDuration);
        Assert.NotNull(durations.Instrument);
        Assert.Same(meter, durations.Instrument!.Meter);
        Assert.True(durations.Instrument.Enabled);
    }
}
