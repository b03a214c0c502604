using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Tests.Support;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Commands;

/// <summary><c>--audit-log</c>: one JSON line per API call outcome, and never a secret, token or activation code.</summary>
public sealed class AuditLogTests : EmulatorTest
{
    private const string PlantedSecret = "Planted-Secret-9f2c41d7e0";
    private const string PlantedToken = "Planted-StsToken-5be07a3c18";

    public AuditLogTests()
    {
        // Temporary credentials whose secret and token the outputs must never show.
        Emulator.Credentials.AddStsToken("STS.PlantedKeyId", PlantedSecret, PlantedToken);
        Cli.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "STS.PlantedKeyId";
        Cli.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = PlantedSecret;
        Cli.Environment["ALIBABA_CLOUD_SECURITY_TOKEN"] = PlantedToken;
        AuditPath = Path.Combine(Cli.Home, "audit.jsonl");
    }

    private string AuditPath { get; }

    [Fact]
    public async Task Every_call_of_a_session_of_commands_is_one_line_with_its_fields_and_no_secret_or_code_anywhere()
    {
        CliResult created = await RunAsync("--audit-log", AuditPath, "--json", "create", "--instance-name", "web");
        string code = JsonDocument.Parse(created.OutLines.Single()).RootElement.GetProperty("activationCode").GetString()!;
        string createdId = JsonDocument.Parse(created.OutLines.Single()).RootElement.GetProperty("id").GetString()!;
        CliResult listed = await RunAsync("--audit-log", AuditPath, "list");
        CliResult disabled = await RunAsync("--audit-log", AuditPath, "disable", "--all-enabled", "--instance-name", "web", "--yes");
        CliResult deleted = await RunAsync("--audit-log", AuditPath, "delete", createdId, "E5000000-0000-4000-8000-00000000000E");

        Assert.Equal(new[] { 0, 0, 0, 1 }, new[] { created.ExitCode, listed.ExitCode, disabled.ExitCode, deleted.ExitCode });
        JsonElement[] lines = (await File.ReadAllLinesAsync(AuditPath)).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(
            new[] { "CreateActivation", "DescribeActivations", "DescribeActivations", "DisableActivation", "DisableActivation", "DisableActivation", "DeleteActivation", "DeleteActivation" },
            lines.Select(l => l.GetProperty("action").GetString()));
        Assert.All(lines, l =>
        {
            Assert.Equal(Region, l.GetProperty("region").GetString());
            Assert.True(l.GetProperty("time").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
            Assert.True(l.TryGetProperty("status", out _) && l.TryGetProperty("errorCode", out _) && l.TryGetProperty("requestId", out _));
        });

        JsonElement create = lines[0];
        Assert.Equal(createdId, create.GetProperty("id").GetString());
        Assert.Equal("Created", create.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(create.GetProperty("clientToken").GetString()));
        Assert.Equal(1, create.GetProperty("attempts").GetInt32());
        Assert.False(string.IsNullOrEmpty(lines[1].GetProperty("requestId").GetString()));
        Assert.Equal(5, lines[1].GetProperty("count").GetInt32());
        Assert.Equal(
            new[] { WebProd, Web, createdId }.OrderBy(i => i),
            lines.Where(l => l.GetProperty("action").GetString() == "DisableActivation").Select(l => l.GetProperty("id").GetString()).OrderBy(i => i));
        JsonElement notFound = lines[^1];
        Assert.Equal("NotFound", notFound.GetProperty("status").GetString());
        Assert.Equal("ActivationId.NotFound", notFound.GetProperty("errorCode").GetString());
        Assert.False(string.IsNullOrEmpty(notFound.GetProperty("requestId").GetString()));

        string audit = await File.ReadAllTextAsync(AuditPath);
        string everything = audit + string.Concat(new[] { created, listed, disabled, deleted }.Select(r => r.Out + r.Error));
        Assert.DoesNotContain(PlantedSecret, everything);
        Assert.DoesNotContain(PlantedToken, everything);
        Assert.DoesNotContain(code, audit);
        Assert.DoesNotContain("Signature", audit);
    }

    [Fact]
    public async Task Runs_append_to_the_same_log()
    {
        await RunAsync("--audit-log", AuditPath, "disable", Web);
        await RunAsync("--audit-log", AuditPath, "disable", Db);

        Assert.Equal(2, (await File.ReadAllLinesAsync(AuditPath)).Length);
    }

    [Fact]
    public async Task A_log_that_cannot_be_opened_refuses_before_any_call()
    {
        CliResult result = await RunAsync("--audit-log", Path.Combine(Cli.Home, "no", "such", "dir", "audit.jsonl"), "disable", Web);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--audit-log", result.Error);
        Assert.Equal(0, Emulator.Requests.Received);
    }
}
