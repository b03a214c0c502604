using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Support;

/// <summary>
/// Base of the end-to-end tests: an emulator on a loopback port, reached by the tool with <c>--endpoint</c> and
/// <c>--region</c> as it would reach Alibaba Cloud, and a runner with the emulator's key in its environment.
/// </summary>
public abstract class EmulatorTest : IAsyncLifetime, IDisposable
{
    protected const string Region = "cn-hangzhou";

    /// <summary>Enabled codes named web (one tagged env=prod), one enabled named db, one disabled named web.</summary>
    protected static readonly string WebProd = "A1000000-0000-4000-8000-00000000000A";
    protected static readonly string Web = "B2000000-0000-4000-8000-00000000000B";
    protected static readonly string Db = "C3000000-0000-4000-8000-00000000000C";
    protected static readonly string WebDisabled = "D4000000-0000-4000-8000-00000000000D";

    private EcsEmulatorServer? _server;

    protected EcsEmulatorServer Server => _server ?? throw new InvalidOperationException("not started");

    internal CliRunner Cli { get; } = new();

    protected EcsEmulator Emulator { get; } = new(new EcsEmulatorOptions { SeedDocumentedExample = false });

    public async Task InitializeAsync()
    {
        EmulatedActivation example = EmulatedActivation.DocumentedExample;
        Emulator.Activations.Put(example with { ActivationId = WebProd, InstanceName = "web", Tags = new[] { new EmulatedTag("env", "prod") } });
        Emulator.Activations.Put(example with { ActivationId = Web, InstanceName = "web" });
        Emulator.Activations.Put(example with { ActivationId = Db, InstanceName = "db" });
        Emulator.Activations.Put(example with { ActivationId = WebDisabled, InstanceName = "web", Disabled = true });
        _server = await Emulator.StartServerAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Cli.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the tool against the emulator: <c>--endpoint</c> and <c>--region</c>, then <paramref name="args"/>.</summary>
    internal Task<CliResult> RunAsync(params string[] args) =>
        Cli.RunAsync(new[] { "--endpoint", Server.BaseAddress.ToString(), "--region", Region }.Concat(args).ToArray());

    protected bool IsDisabled(string id) => Emulator.Activations.Find(Region, id)!.Disabled;

    /// <summary>The actions the emulator received, in order.</summary>
    protected IReadOnlyList<string?> Actions() => Emulator.Requests.Snapshot().Select(r => r.Action).ToList();
}
