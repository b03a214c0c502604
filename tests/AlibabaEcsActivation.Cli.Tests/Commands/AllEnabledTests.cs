using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Tests.Support;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Commands;

/// <summary><c>disable --all-enabled</c>: safe by default on anything but the in-process emulator.</summary>
public sealed class AllEnabledTests : EmulatorTest
{
    [Fact]
    public async Task Without_a_terminal_and_without_yes_it_refuses_after_calling_nothing_but_the_listing()
    {
        Cli.IsInputTerminal = false;

        CliResult result = await RunAsync("disable", "--all-enabled", "--instance-name", "web");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Refusing to disable 2 enabled activation code(s)", result.Error);
        Assert.Contains("--yes", result.Error);
        Assert.Equal(new[] { "DescribeActivations" }, Actions().Distinct());
        Assert.False(IsDisabled(WebProd) || IsDisabled(Web));
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task With_yes_it_disables_every_enabled_match_and_reports_the_disabled_ones()
    {
        CliResult result = await RunAsync("disable", "--all-enabled", "--instance-name", "web", "--yes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(IsDisabled(WebProd) && IsDisabled(Web));
        Assert.False(IsDisabled(Db));
        Assert.Equal(
            new[] { $"{WebProd}  Disabled", $"{Web}  Disabled", $"{WebDisabled}  AlreadyDisabled" }.OrderBy(l => l),
            result.OutLinesWithoutRequestIds.OrderBy(l => l));
        Assert.Equal(2, Actions().Count(a => a == "DisableActivation"));
    }

    [Fact]
    public async Task Filters_by_tag_and_resource_group()
    {
        CliResult result = await RunAsync("disable", "--all-enabled", "--tag", "env=prod", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.True(IsDisabled(WebProd));
        Assert.False(IsDisabled(Web) || IsDisabled(Db));
    }

    [Fact]
    public async Task On_a_terminal_it_asks_with_the_count_and_disables_on_yes()
    {
        Cli.IsInputTerminal = true;
        Cli.Input = "yes\n";

        CliResult result = await RunAsync("disable", "--all-enabled", "--instance-name", "web");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Disable 2 enabled activation code(s): the enabled activation codes in cn-hangzhou with instance name 'web'?", result.Error);
        Assert.True(IsDisabled(WebProd) && IsDisabled(Web));
    }

    [Theory]
    [InlineData("no\n")]
    [InlineData("")]
    public async Task On_a_terminal_anything_but_yes_disables_nothing_and_exits_2(string answer)
    {
        Cli.IsInputTerminal = true;
        Cli.Input = answer;

        CliResult result = await RunAsync("disable", "--all-enabled");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Not confirmed", result.Error);
        Assert.Equal(new[] { "DescribeActivations" }, Actions().Distinct());
    }

    [Fact]
    public async Task Ctrl_C_at_the_question_exits_130_and_disables_nothing()
    {
        Cli.IsInputTerminal = true;
        Cli.Input = null;
        using var interrupt = new System.Threading.CancellationTokenSource();
        Cli.Prompted = interrupt.Cancel;

        CliResult result = await Cli.RunAsync(new[] { "--endpoint", Server.BaseAddress.ToString(), "--region", Region, "disable", "--all-enabled" }, interrupt.Token);

        Assert.Equal(130, result.ExitCode);
        Assert.Equal(new[] { "DescribeActivations" }, Actions().Distinct());
        Assert.False(IsDisabled(Web));
    }

    [Fact]
    public async Task An_empty_filter_says_it_means_every_enabled_code_in_the_region()
    {
        Cli.IsInputTerminal = true;
        Cli.Input = "n\n";

        CliResult result = await RunAsync("disable", "--all-enabled");

        Assert.Contains("Disable 3 enabled activation code(s): EVERY enabled activation code in cn-hangzhou (no filter was given)?", result.Error);
    }

    [Fact]
    public async Task A_dry_run_lists_what_would_be_disabled_and_changes_nothing()
    {
        CliResult result = await RunAsync("--json", "disable", "--all-enabled", "--instance-name", "web", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            new[] { WebProd, Web }.OrderBy(i => i),
            result.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Select(e => e.GetProperty("id").GetString()).OrderBy(i => i));
        Assert.All(result.OutLines, l => Assert.Equal("WouldDisable", JsonDocument.Parse(l).RootElement.GetProperty("status").GetString()));
        Assert.Equal(new[] { "DescribeActivations" }, Actions().Distinct());
        Assert.False(IsDisabled(WebProd) || IsDisabled(Web));
        Assert.Contains("Dry run: nothing was changed.", result.Error);
    }

    [Fact]
    public async Task A_failed_listing_exits_1_and_disables_nothing()
    {
        Emulator.Faults.Enqueue(EcsFaultFor.Forbidden(), action: "DescribeActivations");

        CliResult result = await RunAsync("disable", "--all-enabled", "--yes");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Forbidden.RAM", result.Error);
        Assert.DoesNotContain("DisableActivation", Actions());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_enabled_code_listed_without_an_id_is_reported_failed_not_dropped(bool withAnotherEnabledCode)
    {
        string listing = withAnotherEnabledCode
            ? $$"""{"RequestId":"r-1","TotalCount":2,"ActivationList":[{"ActivationId":"{{Web}}","Disabled":false},{"InstanceName":"web","Disabled":false}]}"""
            : """{"RequestId":"r-1","TotalCount":1,"ActivationList":[{"InstanceName":"web","Disabled":false}]}""";
        Emulator.Faults.Enqueue(Testing.EcsFault.RawResponse(200, "application/json", listing), action: "DescribeActivations");

        string audit = System.IO.Path.Combine(Cli.Home, "audit.jsonl");

        CliResult result = await RunAsync("--audit-log", audit, "disable", "--all-enabled", "--instance-name", "web", "--yes");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"(no id)  Failed  {EcsErrorCodes.InvalidResponse}", result.OutLines);
        Assert.Equal(withAnotherEnabledCode ? 1 : 0, Actions().Count(a => a == "DisableActivation"));

        // The audit log has the calls made: the listing, and a disable only for the code that has an ID.
        Assert.Equal(
            withAnotherEnabledCode ? new[] { "DescribeActivations", "DisableActivation" } : new[] { "DescribeActivations" },
            (await System.IO.File.ReadAllLinesAsync(audit)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("action").GetString()));
    }
}
