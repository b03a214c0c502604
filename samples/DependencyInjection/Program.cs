using AlibabaEcsActivation;
using AlibabaEcsActivation.Diagnostics;
using AlibabaEcsActivation.Testing;
using DependencyInjectionSample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// Options come from appsettings.json, then environment variables (EcsActivation__RegionId=cn-beijing,
// LeakResponse__UseLocalEmulator=false, LeakResponse__ActivationIds__0=<id>), then the command line.
// Credentials come from the default chain (ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET, ~/.aliyun/config.json, …).
// appsettings.json is read from the output folder, so the sample runs from any working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = System.AppContext.BaseDirectory });

var leakResponse = new LeakResponseOptions();
builder.Configuration.GetSection("LeakResponse").Bind(leakResponse);
builder.Services.AddSingleton(leakResponse);

builder.Services.AddEcsActivationClient(builder.Configuration.GetSection("EcsActivation"));
builder.Services.AddHostedService<LeakResponder>();

// OpenTelemetry: the client's spans (one per call, "Ecs/DisableActivation") and metrics
// (rpc.client.call.duration, alibaba_ecs_activation.client.retries), written to the console here; use an
// OTLP exporter in production. The host's IMeterFactory makes the client's meter.
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddSource(EcsActivationDiagnostics.ActivitySourceName).AddConsoleExporter())
    .WithMetrics(metrics => metrics.AddMeter(EcsActivationDiagnostics.MeterName).AddConsoleExporter());

// Demo only: point the client at an in-process emulator with its test key. Remove in production.
await using EcsEmulatorServer? emulator = leakResponse.UseLocalEmulator ? await new EcsEmulator().StartServerAsync() : null;
if (emulator is not null)
{
    builder.Services.PostConfigure<EcsActivationClientOptions>(options =>
    {
        options.Endpoint = emulator.BaseAddress.ToString();
        options.AccessKeyId = EcsEmulator.DefaultAccessKeyId;
        options.AccessKeySecret = EcsEmulator.DefaultAccessKeySecret;
    });
}

await builder.Build().RunAsync();
return System.Environment.ExitCode;
