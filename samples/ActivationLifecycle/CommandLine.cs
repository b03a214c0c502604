using System;
using System.Collections.Generic;

namespace ActivationLifecycleSample;

/// <summary>The sample's flags, the same conventions as samples/DisableActivation.</summary>
internal sealed class CommandLine
{
    public const string Usage =
        "Usage: ActivationLifecycle [--region <region>] [--endpoint <url>] [--client-token <token>]\n" +
        "  Creates an activation code, lists the codes it belongs with (every page), disables it and deletes it.\n" +
        "  --region    the region (default cn-hangzhou)\n" +
        "  --endpoint  override the endpoint, e.g. http://127.0.0.1:8080 for a local emulator\n" +
        "  --client-token  the idempotency token to create with; a failed create prints the one it used,\n" +
        "              so running again with it returns the code that create may have made\n" +
        "Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET [/ ALIBABA_CLOUD_SECURITY_TOKEN].\n" +
        "With no credentials and neither --region nor --endpoint, it runs against a local ECS emulator (started in-process).\n" +
        "Exit codes: 0 done, 1 a call failed, 2 usage error.";

    public string? Region { get; private set; }
    public string? Endpoint { get; private set; }
    public string? ClientToken { get; private set; }
    public bool Help { get; private set; }

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a message for the user.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--region": result.Region = ValueAfter(args, ref i); break;
                case "--endpoint": result.Endpoint = ValueAfter(args, ref i); break;
                case "--client-token": result.ClientToken = ValueAfter(args, ref i); break;
                case "-h" or "--help": result.Help = true; break;
                default: throw new FormatException($"Unknown argument '{args[i]}'.");
            }
        }

        return result;
    }

    private static string ValueAfter(IReadOnlyList<string> args, ref int i)
    {
        string flag = args[i];
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new FormatException($"{flag} needs a value.");
        }

        return args[++i];
    }
}
