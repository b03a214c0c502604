using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Testing;

namespace AlibabaEcsActivation.Cli.Tests.Support;

/// <summary>
/// Runs the tool in-process in a world of the test's: its own environment (the emulator's key by default,
/// the metadata service disabled), an empty temporary HOME, stdin text, and the terminal checks.
/// </summary>
internal sealed class CliRunner : IDisposable
{
    private readonly UnansweredReader _unanswered = new();

    public CliRunner()
    {
        Home = Directory.CreateTempSubdirectory("ecs-cli-home-").FullName;
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true",
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = EcsEmulator.DefaultAccessKeyId,
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = EcsEmulator.DefaultAccessKeySecret,
        };
    }

    /// <summary>The environment the credentials chain reads (nothing of the process's).</summary>
    public Dictionary<string, string> Environment { get; }

    /// <summary>An empty home directory of this test's.</summary>
    public string Home { get; }

    /// <summary>Stdin; null for one at which nobody answers (see <see cref="Prompted"/>).</summary>
    public string? Input { get; set; } = string.Empty;

    /// <summary>With <see cref="Input"/> null: called when the tool starts waiting for an answer.</summary>
    public Action? Prompted { get; set; }

    public bool IsInputTerminal { get; set; }

    public bool IsErrorTerminal { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Stdout of the next run; null for a new StringWriter.</summary>
    public StringWriter? Out { get; set; }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        StringWriter output = Out ?? new StringWriter();
        _unanswered.ReadStarted = Prompted;
        var error = new StringWriter();
        var host = new CliHost
        {
            Out = output,
            Error = error,
            In = Input is null ? _unanswered : new StringReader(Input),
            TimeProvider = TimeProvider,
            GetEnvironmentVariable = name => Environment.TryGetValue(name, out string? value) ? value : null,
            HomeDirectory = Home,
            IsInputTerminal = IsInputTerminal,
            IsErrorTerminal = IsErrorTerminal,
        };
        int exitCode = await EcsActivationCli.RunAsync(args, host, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        _unanswered.Dispose();
        Directory.Delete(Home, recursive: true);
    }
}
