using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Tests.Support;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Commands;

public sealed class InterruptTests : EmulatorTest
{
    [Fact]
    public async Task Ctrl_C_exits_130_after_printing_and_auditing_the_results_known_by_then()
    {
        using var interrupt = new CancellationTokenSource();
        Cli.Out = new CancellingWriter(interrupt);
        string audit = Path.Combine(Cli.Home, "audit.jsonl");

        CliResult result = await Cli.RunAsync(
            new[] { "--endpoint", Server.BaseAddress.ToString(), "--region", Region, "--audit-log", audit, "--max-concurrency", "1", "disable", WebProd, Web, Db },
            interrupt.Token);

        Assert.True(result.ExitCode == 130, result.ToString());
        string line = Assert.Single(result.OutLinesWithoutRequestIds);
        Assert.Equal($"{WebProd}  Disabled", line);
        Assert.Contains("Interrupted: 1 Disabled; 1/3", result.Error);
        string auditLine = Assert.Single(await File.ReadAllLinesAsync(audit));
        Assert.Contains($"\"id\":\"{WebProd}\"", auditLine);
        Assert.False(IsDisabled(Db));
        Assert.True(Actions().Count(a => a == "DisableActivation") <= 2);
    }
}
