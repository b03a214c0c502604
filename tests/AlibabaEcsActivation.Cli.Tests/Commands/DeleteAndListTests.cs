using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Tests.Support;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Commands;

public sealed class DeleteAndListTests : EmulatorTest
{
    [Fact]
    public async Task Delete_removes_the_codes_and_reports_each()
    {
        CliResult result = await RunAsync("delete", WebDisabled, Db);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.OutLines.Count);
        Assert.All(result.OutLines, l => Assert.Contains("  Deleted  RequestId=", l));
        Assert.Null(Emulator.Activations.Find(Region, WebDisabled));
        Assert.Null(Emulator.Activations.Find(Region, Db));
    }

    [Fact]
    public async Task Delete_of_an_unknown_code_exits_1()
    {
        CliResult result = await RunAsync("--json", "delete", "E5000000-0000-4000-8000-00000000000E");

        Assert.Equal(1, result.ExitCode);
        JsonElement line = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        Assert.Equal("NotFound", line.GetProperty("status").GetString());
        Assert.Equal("ActivationId.NotFound", line.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task A_delete_the_service_refuses_is_reported_with_its_error_code_and_RequestId_and_the_rest_go_on()
    {
        Emulator.Faults.Enqueue(EcsFaultFor.Forbidden(), action: "DeleteActivation", activationId: WebDisabled);

        CliResult result = await RunAsync("delete", WebDisabled, Db);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches($"^{WebDisabled}  Failed  Forbidden.RAM  RequestId=\\S+$", result.OutLines[0]);
        Assert.Contains("  Deleted  RequestId=", result.OutLines[1]);
        Assert.NotNull(Emulator.Activations.Find(Region, WebDisabled));
        Assert.Null(Emulator.Activations.Find(Region, Db));
    }

    [Fact]
    public async Task List_prints_every_code_in_the_region_one_line_each()
    {
        CliResult result = await RunAsync("list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, result.OutLines.Count);
        Assert.Contains(result.OutLines, l => l.StartsWith($"{WebDisabled}  Disabled", System.StringComparison.Ordinal));
        Assert.Contains("4 code(s) in cn-hangzhou: 3 Enabled, 1 Disabled", result.Error);
        Assert.Equal(new[] { "DescribeActivations" }, Actions().Distinct());
    }

    [Fact]
    public async Task List_filters_and_prints_json_lines()
    {
        CliResult result = await RunAsync("--json", "list", "--instance-name", "web", "--tag", "env=prod");

        Assert.Equal(0, result.ExitCode);
        JsonElement line = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        Assert.Equal(WebProd, line.GetProperty("id").GetString());
        Assert.Equal("Enabled", line.GetProperty("status").GetString());
        Assert.Equal("web", line.GetProperty("instanceName").GetString());
        Assert.Equal("prod", line.GetProperty("tags").GetProperty("env").GetString());
    }
}
