using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using SampleCommandLine;

namespace DisableActivationSample;

/// <summary>The sample's flags, parsed by System.CommandLine with the samples' conventions (see <see cref="CommandLineConventions"/>).</summary>
internal sealed class CommandLine
{
    private static readonly Option<string> ActivationIdOption = CommandLineConventions.Value(
        "--activation-id", "id", "the activation code to disable, e.g. 4ECEEE12-56F1-4FBC-9AB1-890F1234****");

    private static readonly Option<bool> AllEnabledOption = CommandLineConventions.Switch(
        "--all-enabled",
        "incident mode: disable every enabled activation code in the region, one result line per code " +
        "(exit 1 if any failed); needs --region on Alibaba Cloud; not with --activation-id or --json");

    private static readonly Option<string> InstanceNameOption = CommandLineConventions.Value(
        "--instance-name", "prefix", "with --all-enabled: only codes with this default instance name prefix (InstanceName)");

    private static readonly Option<string> RegionOption = CommandLineConventions.Value("--region", "region", "its region (default cn-hangzhou)");

    private static readonly Option<string> EndpointOption = CommandLineConventions.Value(
        "--endpoint", "url", "override the endpoint, e.g. http://127.0.0.1:8080 for a local emulator");

    private static readonly Option<bool> JsonOption = CommandLineConventions.Switch("--json", "print the response as JSON");

    private static readonly Option<string> SignatureAlgorithmOption = SampleCommandLine.SignatureAlgorithmOption.Create();

    private static readonly RootCommand Command = CommandLineConventions.Root(
        "Disables one ECS activation code and prints it:\n" +
        "  DisableActivation [--activation-id <id>] [--region <region>] [--endpoint <url>] [--json] [--signature-algorithm <algorithm>]\n" +
        "or every enabled activation code in the region, one result line per code:\n" +
        "  DisableActivation --all-enabled [--instance-name <prefix>] [--region <region>] [--endpoint <url>] [--signature-algorithm <algorithm>]",
        "Credentials come from the default chain: ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET [/ ALIBABA_CLOUD_SECURITY_TOKEN],\n" +
        "  an OIDC role, ~/.aliyun/config.json, ~/.alibabacloud/credentials, the ECS RAM role, ALIBABA_CLOUD_CREDENTIALS_URI.\n" +
        "With no credentials and neither --region nor --endpoint, it runs against a local ECS emulator\n" +
        "(started in-process) and disables its seeded activation 4ECEEE12-56F1-4FBC-9AB1-890F1234****.",
        ActivationIdOption, AllEnabledOption, InstanceNameOption, RegionOption, EndpointOption, JsonOption, SignatureAlgorithmOption);

    public string? ActivationId { get; private init; }
    public string? Region { get; private init; }
    public string? Endpoint { get; private init; }
    public bool Json { get; private init; }
    public bool AllEnabled { get; private init; }
    public string? InstanceName { get; private init; }

    /// <summary><c>HMAC-SHA1</c> (RPC v1) or <c>ACS3-HMAC-SHA256</c> (signature V3); null for the client's default.</summary>
    public string? SignatureAlgorithm { get; private init; }

    /// <summary>
    /// Parses the arguments; null when the program ends here, with <paramref name="exitCode"/>: 0 after
    /// the help, 2 after a usage error (printed on stderr with the usage).
    /// </summary>
    public static CommandLine? Parse(IReadOnlyList<string> args, out int exitCode)
    {
        ParseResult parsed = CommandLineConventions.Parse(Command, args);
        if (CommandLineConventions.EndsHere(parsed) is int ended)
        {
            exitCode = ended;
            return null;
        }

        var options = new CommandLine
        {
            ActivationId = parsed.GetValue(ActivationIdOption),
            Region = parsed.GetValue(RegionOption),
            Endpoint = parsed.GetValue(EndpointOption),
            Json = parsed.GetValue(JsonOption),
            AllEnabled = parsed.GetValue(AllEnabledOption),
            InstanceName = parsed.GetValue(InstanceNameOption),
            SignatureAlgorithm = parsed.GetValue(SignatureAlgorithmOption),
        };

        // Checked once every flag has its value, so a flag without one is reported as that, not as a conflict.
        if (options.Conflict() is string conflict)
        {
            exitCode = CommandLineConventions.UsageError(Command, conflict);
            return null;
        }

        exitCode = 0;
        return options;
    }

    /// <summary>Writes the usage (the help) to <paramref name="output"/>.</summary>
    public static void WriteUsage(TextWriter output) => CommandLineConventions.WriteHelp(Command, output);

    /// <summary>Why these flags cannot go together (the two modes exclude each other's), or null.</summary>
    private string? Conflict() =>
        AllEnabled && ActivationId is not null ? "--all-enabled and --activation-id cannot be used together: choose one code, or every enabled code."
        : AllEnabled && Json ? "--json is not supported with --all-enabled."
        : InstanceName is not null && !AllEnabled ? "--instance-name works only with --all-enabled."
        : null;
}
