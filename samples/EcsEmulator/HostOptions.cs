using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using SampleCommandLine;

namespace EcsEmulatorHost;

/// <summary>The host's flags, parsed by System.CommandLine with the samples' conventions (see <see cref="CommandLineConventions"/>).</summary>
internal sealed class HostOptions
{
    private static readonly Option<int> PortOption = CommandLineConventions.Value<int>(
        "--port", "n", "TCP port on 127.0.0.1 (default 0: any free port, printed on start-up)",
        static (string text, out int port) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535,
        static text => $"--port '{text}' is not a port number (0 to 65535).");

    private static readonly Option<List<(string Id, string Secret)>> AccessKeyOption = CommandLineConventions.Repeatable<(string Id, string Secret)>(
        "--access-key", "ID:SECRET", "an AccessKey to accept; repeatable (default testid:testsecret)",
        static (string text, out (string Id, string Secret) key) =>
        {
            string[] parts = text.Split(':', 2);
            key = parts.Length == 2 ? (parts[0], parts[1]) : default;
            return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0;
        },
        static _ => "--access-key takes ID:SECRET.");

    private static readonly Option<List<(string Id, string Secret, string Token)>> StsOption = CommandLineConventions.Repeatable<(string Id, string Secret, string Token)>(
        "--sts", "ID:SECRET:TOKEN", "an STS credential to accept: requests must also carry TOKEN; repeatable",
        static (string text, out (string Id, string Secret, string Token) sts) =>
        {
            string[] parts = text.Split(':', 3);
            sts = parts.Length == 3 ? (parts[0], parts[1], parts[2]) : default;
            return parts.Length == 3 && parts[0].Length > 0 && parts[1].Length > 0 && parts[2].Length > 0;
        },
        static _ => "--sts takes ID:SECRET:TOKEN.");

    private static readonly Option<int?> FlowControlLimitOption = CommandLineConventions.Value<int?>(
        "--flow-control-limit", "n", "requests per second each AccessKey may send to each action; beyond it: Throttling.User (default: unlimited)",
        static (string text, out int? limit) =>
        {
            bool valid = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed >= 1;
            limit = valid ? parsed : null;
            return valid;
        },
        static text => $"--flow-control-limit '{text}' is not a number of requests per second (1 or more).");

    private static readonly Option<int> LatencyOption = CommandLineConventions.Value<int>(
        "--latency", "ms", "answer every request this many milliseconds after it arrives (default 0)",
        static (string text, out int milliseconds) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds) && milliseconds <= 86_400_000,
        static text => $"--latency '{text}' is not a number of milliseconds (0 to 86400000).");

    private static readonly Option<bool> QuietOption = CommandLineConventions.Switch("--quiet", "do not print one line per request");

    private static readonly RootCommand Command = CommandLineConventions.Root(
        "Runs the ECS activation emulator on 127.0.0.1 for any HTTP client.",
        "Runs until Ctrl+C or SIGTERM.",
        PortOption, AccessKeyOption, StsOption, FlowControlLimitOption, LatencyOption, QuietOption);

    public int Port { get; private init; }
    public IReadOnlyList<(string Id, string Secret)> AccessKeys { get; private init; } = new List<(string, string)>();
    public IReadOnlyList<(string Id, string Secret, string Token)> StsTokens { get; private init; } = new List<(string, string, string)>();
    public int? FlowControlLimit { get; private init; }
    public int LatencyMilliseconds { get; private init; }
    public bool Quiet { get; private init; }

    /// <summary>
    /// Parses the arguments; null when the program ends here, with <paramref name="exitCode"/>: 0 after
    /// the help, 2 after a usage error (printed on stderr with the usage).
    /// </summary>
    public static HostOptions? Parse(IReadOnlyList<string> args, out int exitCode)
    {
        ParseResult parsed = CommandLineConventions.Parse(Command, args);
        if (CommandLineConventions.EndsHere(parsed) is int ended)
        {
            exitCode = ended;
            return null;
        }

        exitCode = 0;
        return new HostOptions
        {
            Port = parsed.GetValue(PortOption),
            AccessKeys = parsed.GetValue(AccessKeyOption) ?? new(),
            StsTokens = parsed.GetValue(StsOption) ?? new(),
            FlowControlLimit = parsed.GetValue(FlowControlLimitOption),
            LatencyMilliseconds = parsed.GetValue(LatencyOption),
            Quiet = parsed.GetValue(QuietOption),
        };
    }
}
