using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Tests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Commands;

public sealed class DisableCommandTests : EmulatorTest
{
    [Fact]
    public async Task Disables_the_named_codes_with_one_result_line_each_and_exits_0()
    {
        CliResult result = await RunAsync("disable", WebProd, Db);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { $"{WebProd}  Disabled", $"{Db}  Disabled" }, result.OutLinesWithoutRequestIds.OrderBy(l => l));
        Assert.All(result.OutLines, l => Assert.Matches("  Disabled  RequestId=[0-9A-F-]{36}$", l));
        Assert.True(IsDisabled(WebProd) && IsDisabled(Db));
        Assert.False(IsDisabled(Web));
        Assert.Contains("Summary: 2 Disabled; 2/2", result.Error);
        Assert.DoesNotContain('\r', result.Error);
    }

    [Fact]
    public async Task A_code_that_is_not_found_makes_the_exit_code_1()
    {
        CliResult result = await RunAsync("disable", Web, "E5000000-0000-4000-8000-00000000000E");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Web}  Disabled", result.OutLinesWithoutRequestIds);
        Assert.Contains("E5000000-0000-4000-8000-00000000000E  NotFound  ActivationId.NotFound", string.Join('\n', result.OutLines));
    }

    [Fact]
    public async Task A_code_that_fails_is_reported_with_its_error_code_and_RequestId_and_exits_1()
    {
        Emulator.Faults.Enqueue(EcsFault.Error(403, "Forbidden.RAM", "User not authorized to operate on the specified resource."), action: "DisableActivation", activationId: Db);

        CliResult result = await RunAsync("--json", "disable", Web, Db);

        Assert.Equal(1, result.ExitCode);
        JsonElement failed = result.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("id").GetString() == Db);
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal("Forbidden.RAM", failed.GetProperty("errorCode").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("requestId").GetString()));
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
        Assert.True(IsDisabled(Web));
    }

    [Fact]
    public async Task Json_lines_carry_id_status_error_code_RequestId_and_attempts()
    {
        CliResult result = await RunAsync("--json", "disable", WebProd, Web);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutLines.Count);
        foreach (string line in result.OutLines)
        {
            JsonElement e = JsonDocument.Parse(line).RootElement;
            Assert.Equal(new[] { "id", "status", "errorCode", "requestId", "attempts" }, e.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Disabled", e.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, e.GetProperty("errorCode").ValueKind);
            Assert.Equal(1, e.GetProperty("attempts").GetInt32());
        }

        // A success carries the RequestId of the service's answer too, one per call.
        Assert.Equal(2, result.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("requestId").GetString()).Where(id => !string.IsNullOrEmpty(id)).Distinct().Count());
    }

    [Fact]
    public async Task Reads_the_ids_from_a_file_skipping_blank_lines_and_comments()
    {
        string file = Path.Combine(Cli.Home, "leaked.txt");
        await File.WriteAllTextAsync(file, $"# leaked on Monday\n{Web}\n\n  {Db}  \n");

        CliResult result = await RunAsync("disable", "--ids-from", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutLines.Count);
        Assert.True(IsDisabled(Web) && IsDisabled(Db));
        Assert.False(IsDisabled(WebProd));
    }

    [Fact]
    public async Task Reads_the_ids_from_stdin_with_a_dash()
    {
        Cli.Input = $"{Web}\n{WebProd}\n";

        CliResult result = await RunAsync("disable", "--ids-from", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.True(IsDisabled(Web) && IsDisabled(WebProd));
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("disable", "--all-enabled", "X")]
    [InlineData("disable", "X", "--instance-name", "web")]
    [InlineData("disable", "X", "--dry-run")]
    [InlineData("disable", "--all-enabled", "--tag", "novalue")]
    [InlineData("--max-concurrency", "99", "disable", "X")]
    [InlineData("--signature-algorithm", "MD5", "disable", "X")]
    public async Task A_usage_error_exits_2_and_sends_nothing(params string[] args)
    {
        CliResult result = await RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--help", result.Error);
        Assert.Equal(0, Emulator.Requests.Received);
    }

    [Fact]
    public async Task Without_a_region_it_refuses_and_sends_nothing()
    {
        CliResult result = await Cli.RunAsync("--endpoint", Server.BaseAddress.ToString(), "disable", "--all-enabled", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--region is required", result.Error);
        Assert.Equal(0, Emulator.Requests.Received);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Signs_with_signature_V3_when_asked()
    {
        CliResult result = await RunAsync("--signature-algorithm", "ACS3-HMAC-SHA256", "disable", Web);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ACS3-HMAC-SHA256", Emulator.Requests.Snapshot().Single().SignatureAlgorithm);
    }

    [Fact]
    public async Task The_in_process_emulator_disables_its_seeded_example_without_credentials()
    {
        Cli.Environment.Clear();
        Cli.Environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";

        CliResult result = await Cli.RunAsync("--emulator", "disable", EmulatedActivation.DocumentedExample.ActivationId);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new[] { $"{EmulatedActivation.DocumentedExample.ActivationId}  Disabled" }, result.OutLinesWithoutRequestIds);
        Assert.Contains("in-process emulator", result.Error);
        Assert.Equal(0, Emulator.Requests.Received);
    }
}
