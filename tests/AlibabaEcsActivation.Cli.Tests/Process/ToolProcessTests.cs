using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Tests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Process;

/// <summary>The built tool as a process (<c>dotnet ecs-activation.dll</c>), with a fresh HOME and no credentials in its environment.</summary>
public sealed class ToolProcessTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("ecs-cli-process-").FullName;

    [Fact]
    public async Task Version_runs_as_a_process()
    {
        var (exitCode, output, _) = await RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("ecs-activation ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_demo_disables_the_seeded_code_as_a_process()
    {
        var (exitCode, output, error) = await RunAsync("--emulator", "disable", EmulatedActivation.DocumentedExample.ActivationId);

        Assert.True(exitCode == 0, error);
        Assert.Equal($"{EmulatedActivation.DocumentedExample.ActivationId}  Disabled", CliResult.WithoutRequestId(output.Trim()));
    }

    [Fact]
    public async Task Without_credentials_or_emulator_the_process_refuses_with_2_and_stdin_redirected()
    {
        var (exitCode, output, error) = await RunAsync("--region", "cn-hangzhou", "--endpoint", "http://127.0.0.1:9/", "disable", "--all-enabled", "--yes");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("Sources tried", error);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "ecs-activation.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(tool);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Loopback only, and nothing of the developer's credentials: a fresh HOME, no key variables.
        start.Environment["HOME"] = _home;
        start.Environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";
        foreach (string name in new[] { "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_CREDENTIALS_URI", "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_ECS_METADATA", "ALIBABA_CLOUD_PROFILE" })
        {
            start.Environment.Remove(name);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
