using System.Collections.Generic;
using System.CommandLine;
using SampleCommandLine;

namespace ActivationLifecycleSample;

/// <summary>The sample's flags, the same conventions as samples/DisableActivation (see <see cref="CommandLineConventions"/>).</summary>
internal sealed class CommandLine
{
    private static readonly Option<string> RegionOption = CommandLineConventions.Value("--region", "region", "the region (default cn-hangzhou)");

    private static readonly Option<string> EndpointOption = CommandLineConventions.Value(
        "--endpoint", "url", "override the endpoint, e.g. http://127.0.0.1:8080 for a local emulator");

    private static readonly Option<string> ClientTokenOption = CommandLineConventions.Value(
        "--client-token", "token",
        "the idempotency token to create with; a failed create prints the one it used, " +
        "so running again with it returns the code that create may have made");

    private static readonly Option<string> SignatureAlgorithmOption = SampleCommandLine.SignatureAlgorithmOption.Create();

    private static readonly RootCommand Command = CommandLineConventions.Root(
        "Creates an activation code, lists the codes it belongs with (every page), disables it and deletes it.",
        "Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET [/ ALIBABA_CLOUD_SECURITY_TOKEN].\n" +
        "With no credentials and neither --region nor --endpoint, it runs against a local ECS emulator (started in-process).\n" +
        "Exit codes: 0 done, 1 a call failed, 2 usage error.",
        RegionOption, EndpointOption, ClientTokenOption, SignatureAlgorithmOption);

    public string? Region { get; private init; }
    public string? Endpoint { get; private init; }
    public string? ClientToken { get; private init; }

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

        exitCode = 0;
        return new CommandLine
        {
            Region = parsed.GetValue(RegionOption),
            Endpoint = parsed.GetValue(EndpointOption),
            ClientToken = parsed.GetValue(ClientTokenOption),
            SignatureAlgorithm = parsed.GetValue(SignatureAlgorithmOption),
        };
    }
}
