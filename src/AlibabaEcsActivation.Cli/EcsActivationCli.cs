using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Commands;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Cli.Options;

namespace AlibabaEcsActivation.Cli;

/// <summary>
/// <c>ecs-activation</c>: parses the arguments and runs the command in <see cref="CliHost"/>'s world. A
/// usage error prints its message on stderr and exits 2; the caller's cancellation (Ctrl+C) ends a
/// command with 130, once the results known by then are printed and audited.
/// </summary>
internal static class EcsActivationCli
{
    private const string Description =
        "ecs-activation: disable leaked Alibaba Cloud ECS activation codes, and list, create and delete them.\n\n" +
        "Credentials come from --profile, or the default chain: ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET [/ _SECURITY_TOKEN],\n" +
        "an OIDC role, the aliyun CLI's config, ~/.alibabacloud/credentials, the ECS RAM role, ALIBABA_CLOUD_CREDENTIALS_URI.\n" +
        "Without credentials it refuses (exit 2); only --emulator runs against an emulator.\n\n" +
        "Examples:\n" +
        "  ecs-activation --emulator disable 4ECEEE12-56F1-4FBC-9AB1-890F1234****\n" +
        "  ecs-activation disable --region cn-hangzhou --all-enabled --instance-name web --audit-log audit.jsonl\n" +
        "  ecs-activation list --region cn-hangzhou --json\n\n" +
        "Exit codes: 0 all done, 1 any code failed, 2 usage or refused, 130 interrupted.";

    /// <summary>Runs the command line <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliHost host, CancellationToken cancellationToken)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(Description);
        globals.AddTo(root);
        foreach (Option option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }

        root.Subcommands.Add(DisableCommand.Create(host, globals));
        root.Subcommands.Add(ListCommand.Create(host, globals));
        root.Subcommands.Add(CreateCommand.Create(host, globals));
        root.Subcommands.Add(DeleteCommand.Create(host, globals));
        root.Subcommands.Add(EmulatorCommand.Create(host));

        // Arguments are taken literally: no @file response files.
        ParseResult parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (ParseError error in parsed.Errors)
            {
                host.Error.WriteLine(error.Message);
            }

            host.Error.WriteLine($"Run '{CommandPath(parsed)} --help' for usage.");
            return ExitCodes.Refused;
        }

        var invocation = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            // Exceptions are the commands' to report, and the process's signals the host's to handle.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            host.Error.WriteLine("Interrupted.");
            return ExitCodes.Interrupted;
        }
    }

    private static string CommandPath(ParseResult parsed) =>
        parsed.CommandResult.Command is RootCommand ? "ecs-activation" : $"ecs-activation {parsed.CommandResult.Command.Name}";
}
