using System;
using System.CommandLine;

namespace AlibabaEcsActivation.Cli.Options;

/// <summary>The options every command takes (before or after its name).</summary>
internal sealed class GlobalOptions
{
    public Option<string> Region { get; } = new("--region")
    {
        Description = "the region of the codes, e.g. cn-hangzhou; required on Alibaba Cloud (the tool never guesses one)",
        HelpName = "region",
        Recursive = true,
    };

    public Option<string> Endpoint { get; } = new("--endpoint")
    {
        Description = "another endpoint, e.g. http://127.0.0.1:8080 for an emulator started with 'ecs-activation emulator'",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string> Profile { get; } = new("--profile")
    {
        Description = "credentials from this profile of the aliyun CLI (~/.aliyun/config.json) or of the credentials file (~/.alibabacloud/credentials), instead of the default chain",
        HelpName = "name",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "results as JSON lines on stdout (id, status, errorCode, requestId, attempts)",
        Recursive = true,
    };

    public Option<string> AuditLog { get; } = new("--audit-log")
    {
        Description = "append one JSON line per API call outcome to this file (no secrets, no activation codes)",
        HelpName = "file",
        Recursive = true,
    };

    public Option<int?> MaxConcurrency { get; } = new("--max-concurrency")
    {
        Description = $"the most DisableActivation calls in flight, 1 to {BulkDisableOptions.MaxConcurrencyLimit} (default: the library's)",
        HelpName = "n",
        Recursive = true,
        CustomParser = ValueParsers.Int32("--max-concurrency", 1, BulkDisableOptions.MaxConcurrencyLimit),
    };

    public Option<TimeSpan?> Timeout { get; } = new("--timeout")
    {
        Description = "the longest one API call may take, retries included, in seconds (default 60)",
        HelpName = "seconds",
        Recursive = true,
        CustomParser = ValueParsers.Seconds("--timeout"),
    };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "run against an in-process emulator seeded with example codes (a demo: nothing is sent anywhere)",
        Recursive = true,
    };

    public Option<string> SignatureAlgorithm { get; } = new("--signature-algorithm")
    {
        Description = $"how requests are signed: {EcsSignatureAlgorithm.HmacSha1} (RPC v1, the default) or {EcsSignatureAlgorithm.Acs3HmacSha256} (signature V3)",
        HelpName = "algorithm",
        Recursive = true,
        CustomParser = ValueParsers.SignatureAlgorithm,
    };

    /// <summary>Adds the options to the root command, where every subcommand sees them.</summary>
    public void AddTo(RootCommand root)
    {
        foreach (Option option in new Option[] { Region, Endpoint, Profile, Json, AuditLog, MaxConcurrency, Timeout, Emulator, SignatureAlgorithm })
        {
            root.Options.Add(option);
        }
    }

    /// <summary>The values given.</summary>
    public GlobalSettings Read(ParseResult parsed) => new()
    {
        Region = parsed.GetValue(Region),
        Endpoint = parsed.GetValue(Endpoint),
        Profile = parsed.GetValue(Profile),
        Json = parsed.GetValue(Json),
        AuditLogPath = parsed.GetValue(AuditLog),
        MaxConcurrency = parsed.GetValue(MaxConcurrency),
        Timeout = parsed.GetValue(Timeout),
        UseEmulator = parsed.GetValue(Emulator),
        SignatureAlgorithm = parsed.GetValue(SignatureAlgorithm),
    };
}
