using System;
using System.Collections.Generic;
using System.Globalization;

namespace EcsEmulatorHost;

/// <summary>The host's flags. Dependency-free so the sample is easy to copy.</summary>
internal sealed class HostOptions
{
    public const string Usage =
        "Usage: EcsEmulator [--port <n>] [--access-key ID:SECRET]... [--sts ID:SECRET:TOKEN]... [--quiet]\n" +
        "  --port        TCP port on 127.0.0.1 (default 0: any free port, printed on start-up)\n" +
        "  --access-key  an AccessKey to accept; repeatable (default testid:testsecret)\n" +
        "  --sts         an STS credential to accept: requests must also carry TOKEN; repeatable\n" +
        "  --quiet       do not print one line per request\n" +
        "Runs until Ctrl+C or SIGTERM.";

    public int Port { get; private set; }
    public List<(string Id, string Secret)> AccessKeys { get; } = new();
    public List<(string Id, string Secret, string Token)> StsTokens { get; } = new();
    public bool Quiet { get; private set; }
    public bool Help { get; private set; }

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a message for the user.</summary>
    public static HostOptions Parse(IReadOnlyList<string> args)
    {
        var result = new HostOptions();
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--port":
                    string port = Value(args, ref i);
                    result.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n <= 65535
                        ? n
                        : throw new FormatException($"--port '{port}' is not a port number (0 to 65535).");
                    break;
                case "--access-key":
                    string[] key = Value(args, ref i).Split(':', 2);
                    result.AccessKeys.Add(key.Length == 2 && key[0].Length > 0 && key[1].Length > 0
                        ? (key[0], key[1])
                        : throw new FormatException("--access-key takes ID:SECRET."));
                    break;
                case "--sts":
                    string[] sts = Value(args, ref i).Split(':', 3);
                    result.StsTokens.Add(sts.Length == 3 && sts[0].Length > 0 && sts[1].Length > 0 && sts[2].Length > 0
                        ? (sts[0], sts[1], sts[2])
                        : throw new FormatException("--sts takes ID:SECRET:TOKEN."));
                    break;
                case "--quiet": result.Quiet = true; break;
                case "-h" or "--help": result.Help = true; break;
                default: throw new FormatException($"Unknown argument '{args[i]}'.");
            }
        }

        return result;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new FormatException($"{args[i]} needs a value.");
        }

        return args[++i];
    }
}
