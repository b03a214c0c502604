using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Tests.Support;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Commands;

public sealed class HelpAndVersionTests : System.IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Version_prints_the_tools_version_and_exits_0()
    {
        CliResult result = await _cli.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"ecs-activation {typeof(EcsActivationCli).Assembly.GetName().Version!.ToString(3)}", Assert.Single(result.OutLines));
    }

    [Theory]
    [InlineData("disable", "--all-enabled")]
    [InlineData("list", "--instance-name")]
    [InlineData("create", "--client-token")]
    [InlineData("delete", "ActivationId")]
    [InlineData("emulator", "--port")]
    public async Task Each_command_has_help_with_examples(string command, string mentions)
    {
        CliResult result = await _cli.RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Examples:", result.Out);
        Assert.Contains($"ecs-activation {command}", result.Out);
        Assert.Contains(mentions, result.Out);
        Assert.Contains("Exit codes:", result.Out);
        Assert.Contains("--region", result.Out);
    }

    [Fact]
    public async Task The_root_help_lists_the_commands()
    {
        CliResult result = await _cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string command in new[] { "disable", "list", "create", "delete", "emulator" })
        {
            Assert.Contains($"  {command}", result.Out);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("disable", "--no-such-option", "X")]
    public async Task An_unknown_or_missing_command_exits_2(params string[] args)
    {
        CliResult result = await _cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--help", result.Error);
        Assert.Empty(result.Out);
    }

    public void Dispose() => _cli.Dispose();
}
