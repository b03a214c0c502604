using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation.Diagnostics;

/// <summary>
/// The client's instruments on the <see cref="EcsActivationDiagnostics.MeterName"/> meter: how long each
/// call took, and how many attempts were retried. The meter comes from the application's
/// <see cref="IMeterFactory"/> when it has one (which then owns it); otherwise the client owns it.
/// </summary>
internal sealed class ClientMetrics : IDisposable
{
    public const string CallDurationName = "rpc.client.call.duration";

    /// <summary>No convention counts retries; the name is in this library's own namespace.</summary>
    public const string RetriesName = "alibaba_ecs_activation.client.retries";

    private readonly Meter? _ownedMeter;
    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _retries;

    public ClientMetrics(IMeterFactory? meterFactory)
    {
        Meter meter = meterFactory is null
            ? _ownedMeter = new Meter(EcsActivationDiagnostics.MeterName, EcsActivationDiagnostics.Version)
            : meterFactory.Create(new MeterOptions(EcsActivationDiagnostics.MeterName) { Version = EcsActivationDiagnostics.Version });
        Meter = meter;
#if NET9_0_OR_GREATER
        // Exporters' default buckets are made for milliseconds; a call's seconds would all fall in the first.
        _callDuration = meter.CreateHistogram<double>(
            CallDurationName, unit: "s", description: "Duration of an ECS API call, retries and backoffs included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60] });
#else
        _callDuration = meter.CreateHistogram<double>(CallDurationName, unit: "s", description: "Duration of an ECS API call, retries and backoffs included.");
#endif
        _retries = meter.CreateCounter<long>(RetriesName, unit: "{retry}", description: "Attempts of ECS API calls that failed and were retried.");
    }

    /// <summary>The meter the instruments are on.</summary>
    public Meter Meter { get; }

    /// <summary>Records a finished call (its <see cref="RpcCall.Elapsed"/>); <paramref name="failure"/> is null when it succeeded.</summary>
    public void CallEnded(RpcCall call, Exception? failure)
    {
        if (!_callDuration.Enabled)
        {
            return;
        }

        TagList tags = Tags(call);
        if (failure is not null)
        {
            tags.Add(RpcConventions.ErrorType, RpcConventions.ErrorTypeOf(failure));
        }

        _callDuration.Record(call.Elapsed.TotalSeconds, tags);
    }

    /// <summary>Counts one retry of <paramref name="call"/>, tagged with what the failed attempt met.</summary>
    public void Retrying(RpcCall call, Exception failure)
    {
        if (!_retries.Enabled)
        {
            return;
        }

        TagList tags = Tags(call);
        tags.Add(RpcConventions.ErrorType, RpcConventions.ErrorTypeOf(failure));
        _retries.Add(1, tags);
    }

    /// <summary>Disposes the meter if the client owns it; a factory's meter is the factory's to dispose.</summary>
    public void Dispose() => _ownedMeter?.Dispose();

    private static TagList Tags(RpcCall call) => new()
    {
        { RpcConventions.RpcSystem, RpcConventions.SystemName },
        { RpcConventions.RpcService, RpcConventions.ServiceName },
        { RpcConventions.RpcMethod, call.Action },
        { RpcConventions.CloudRegion, call.RegionId },
    };
}
