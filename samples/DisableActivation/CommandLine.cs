using System;
using System.Collections.Generic;

namespace DisableActivationSample;

/// <summary>The sample's flags. Kept dependency-free so the sample stays trim-safe and easy to copy.</summary>
internal sealed class CommandLine
{
    public const string Usage =
        "Usage: DisableActivation [--activation-id <id>] [--region <region>] [--endpoint <url>] [--json]\n" +
        "       DisableActivation --all-enabled [--instance-name <prefix>] [--region <region>] [--endpoint <url>]\n" +
        "  --activation-id  the activation code to disable, e.g. 4ECEEE12-56F1-4FBC-9AB1-890F1234****\n" +
        "  --all-enabled    incident mode: disable every enabled activation code in the region, one result line per code\n" +
        "                   (exit 1 if any failed); needs --region on Alibaba Cloud; not with --activation-id or --json\n" +
        "  --instance-name  with --all-enabled: only codes with this default instance name prefix (InstanceName)\n" +
        "  --region         its region (default cn-hangzhou)\n" +
        "  --endpoint       override the endpoint, e.g. http://127.0.0.1:8080 for a local emulator\n" +
        "  --json           print the response as JSON\n" +
        "Credentials come from the default chain: ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET [/ ALIBABA_CLOUD_SECURITY_TOKEN],\n" +
        "  an OIDC role, ~/.aliyun/config.json, ~/.alibabacloud/credentials, the ECS RAM role, ALIBABA_CLOUD_CREDENTIALS_URI.\n" +
        "With no credentials and neither --region nor --endpoint, it runs against a local ECS emulator\n" +
        "(started in-process) and disables its seeded activation 4ECEEE12-56F1-4FBC-9AB1-890F1234****.";

    public string? ActivationId { get; private set; }
    public string? Region { get; private set; }
    public string? Endpoint { get; private set; }
    public bool Json { get; private set; }
    public bool AllEnabled { get; private set; }
    public string? InstanceName { get; private set; }
    public bool Help { get; private set; }

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a message for the user.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--activation-id": result.ActivationId = Value(args, ref i, arg); break;
                case "--region": result.Region = Value(args, ref i, arg); break;
                case "--endpoint": result.Endpoint = Value(args, ref i, arg); break;
                case "--json": result.Json = true; break;
                case "--all-enabled": result.AllEnabled = true; break;
                case "--instance-name": result.InstanceName = Value(args, ref i, arg); break;
                case "-h" or "--help": result.Help = true; break;
                default: throw new FormatException($"Unknown argument '{arg}'.");
            }
        }

        if (result.AllEnabled && result.ActivationId is not null)
        {
            throw new FormatException("--all-enabled and --activation-id cannot be used together: choose one code, or every enabled code.");
        }

        if (result.AllEnabled && result.Json)
        {
            throw new FormatException("--json is not supported with --all-enabled.");
        }

        if (result.InstanceName is not null && !result.AllEnabled)
        {
            throw new FormatException("--instance-name works only with --all-enabled.");
        }

        return result;
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string flag)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new FormatException($"{flag} needs a value.");
        }

        return args[++i];
    }
}
