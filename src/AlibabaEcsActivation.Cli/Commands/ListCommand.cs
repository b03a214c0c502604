using System.CommandLine;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Connection;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Cli.Options;
using AlibabaEcsActivation.Cli.Output;

namespace AlibabaEcsActivation.Cli.Commands;

/// <summary><c>list</c>: every code that matches the filters, one line each (never the codes themselves: the service does not return them).</summary>
internal static class ListCommand
{
    private const string Description =
        "Lists the activation codes that match the filters (every code in the region without one), one line each:\n" +
        "ID, Enabled/Disabled, instance name, registered/allowed instances, creation time.\n\n" +
        "Examples:\n" +
        "  ecs-activation list --region cn-hangzhou\n" +
        "  ecs-activation list --region cn-hangzhou --instance-name web --tag env=prod --json\n" +
        "  ecs-activation --emulator list\n\n" +
        "Exit codes: 0 listed, 1 a call failed, 2 usage or refused, 130 interrupted.";

    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var filters = new FilterOptions();
        var command = new Command("list", Description);
        foreach (Option filter in filters.All)
        {
            command.Options.Add(filter);
        }

        command.SetAction((parsed, cancellationToken) => RunAsync(host, globals.Read(parsed), filters, parsed, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, GlobalSettings settings, FilterOptions filters, ParseResult parsed, CancellationToken cancellationToken)
    {
        using ClientSession? session = await ClientSession.OpenAsync(host, settings, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Refused;
        }

        long started = host.TimeProvider.GetTimestamp();
        var (listed, exitCode) = await Listing.ListAsync(host, session, filters.ToRequest(parsed, session.Region), cancellationToken).ConfigureAwait(false);
        if (listed is null)
        {
            return exitCode;
        }

        foreach (Activation activation in listed)
        {
            ActivationLine line = ActivationLine.From(activation);
            host.Out.WriteLine(settings.Json ? JsonSerializer.Serialize(line, CliJsonContext.Output.ActivationLine) : line.ToText());
        }

        host.Out.Flush();
        int enabled = listed.Count(a => !a.Disabled);
        host.Error.WriteLine($"Summary: {listed.Count} code(s) in {session.Region}: {enabled} Enabled, {listed.Count - enabled} Disabled; in {ProgressText.Duration(host.TimeProvider.GetElapsedTime(started))}");
        return ExitCodes.Done;
    }
}
