using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Tests.Support;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Commands;

public sealed class CreateCommandTests : EmulatorTest
{
    [Fact]
    public async Task Prints_the_one_time_code_once_and_only_on_stdout()
    {
        CliResult result = await RunAsync("create", "--instance-name", "web", "--instance-count", "5", "--tag", "team=sre");

        Assert.Equal(0, result.ExitCode);
        string codeLine = Assert.Single(result.OutLines, l => l.StartsWith("ActivationCode:", System.StringComparison.Ordinal));
        string code = codeLine["ActivationCode:".Length..].Trim();
        string id = result.OutLines.Single(l => l.StartsWith("ActivationId:", System.StringComparison.Ordinal))["ActivationId:".Length..].Trim();
        Assert.False(string.IsNullOrEmpty(code));
        Assert.Equal(1, CountOf(result.Out, code));
        Assert.Equal(0, CountOf(result.Error, code));
        Assert.Contains("shown this once", result.Error);
        Assert.Equal(5, Emulator.Activations.Find(Region, id)!.InstanceCount);
    }

    [Fact]
    public async Task Json_carries_the_id_code_client_token_and_RequestId()
    {
        CliResult result = await RunAsync("--json", "create");

        JsonElement line = JsonDocument.Parse(result.OutLines.Single()).RootElement;
        Assert.Equal(new[] { "id", "activationCode", "clientToken", "requestId", "attempts" }, line.EnumerateObject().Select(p => p.Name));
        Assert.NotNull(Emulator.Activations.Find(Region, line.GetProperty("id").GetString()!));
        // The code as it is (no \u002B for a '+'), so that it can be copied from the line.
        Assert.Contains($"\"activationCode\":\"{line.GetProperty("activationCode").GetString()}\"", result.Out);
    }

    [Fact]
    public async Task A_failed_create_prints_the_client_token_that_resumes_it()
    {
        Emulator.Faults.Enqueue(EcsFaultFor.Forbidden(), action: "CreateActivation");

        string audit = System.IO.Path.Combine(Cli.Home, "audit.jsonl");
        CliResult failed = await RunAsync("--audit-log", audit, "create", "--instance-name", "web");

        Assert.Equal(1, failed.ExitCode);
        Assert.Empty(failed.Out);
        string token = failed.ErrorLines.Single(l => l.StartsWith("ClientToken: ", System.StringComparison.Ordinal))["ClientToken: ".Length..];
        Assert.Contains($"--client-token {token}", failed.Error);
        JsonElement line = JsonDocument.Parse(Assert.Single(await System.IO.File.ReadAllLinesAsync(audit))).RootElement;
        Assert.Equal("Failed", line.GetProperty("status").GetString());
        Assert.Equal("Forbidden.RAM", line.GetProperty("errorCode").GetString());
        Assert.Equal(token, line.GetProperty("clientToken").GetString());

        CliResult resumed = await RunAsync("create", "--instance-name", "web", "--client-token", token);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"ClientToken:    {token}", resumed.OutLines);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, System.StringComparison.Ordinal).Length) / value.Length;
}
