using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Connection;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Cli.Options;
using AlibabaEcsActivation.Cli.Output;

namespace AlibabaEcsActivation.Cli.Commands;

/// <summary>
/// <c>disable</c>: the codes named (arguments or <c>--ids-from</c>), or every enabled code that matches the
/// filters (<c>--all-enabled</c>), one result line per code as it completes.
/// </summary>
internal static class DisableCommand
{
    private const string Description =
        "Disables activation codes: no new instance can register with a disabled code (those registered stay).\n" +
        "One result line per code on stdout as it completes; progress and a summary on stderr.\n" +
        "With --all-enabled on Alibaba Cloud it lists the matches first and asks before disabling them\n" +
        "(--yes skips the question; without a terminal and without --yes it refuses, exit 2).\n\n" +
        "Examples:\n" +
        "  ecs-activation disable --region cn-hangzhou 4ECEEE12-56F1-4FBC-9AB1-890F1234****\n" +
        "  ecs-activation disable --region cn-hangzhou --ids-from leaked.txt --audit-log audit.jsonl\n" +
        "  ecs-activation disable --region cn-hangzhou --all-enabled --instance-name web --dry-run\n" +
        "  ecs-activation disable --region cn-hangzhou --all-enabled --tag env=prod --yes --json\n" +
        "  ecs-activation --emulator disable 4ECEEE12-56F1-4FBC-9AB1-890F1234****\n\n" +
        "Exit codes: 0 all disabled (or already), 1 any code failed or was not found, 2 usage or refused, 130 interrupted.";

    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var ids = new Argument<string[]>("id") { Description = "the ActivationIds to disable", Arity = ArgumentArity.ZeroOrMore };
        var idsFrom = new Option<string>("--ids-from") { Description = "read the ActivationIds from this file, one a line ('-' reads stdin)", HelpName = "file" };
        var allEnabled = new Option<bool>("--all-enabled") { Description = "disable every enabled code that matches the filters (no filter: every enabled code in the region)" };
        var filters = new FilterOptions();
        var yes = new Option<bool>("--yes", "-y") { Description = "with --all-enabled: disable without asking" };
        var dryRun = new Option<bool>("--dry-run") { Description = "with --all-enabled: list what would be disabled, change nothing" };

        var command = new Command("disable", Description) { ids, idsFrom, allEnabled, yes, dryRun };
        foreach (Option filter in filters.All)
        {
            command.Options.Add(filter);
        }

        command.Validators.Add(result =>
        {
            if (OptionLike.Find(result.GetValue(ids)) is string unknown)
            {
                result.AddError($"Unrecognized option '{unknown}'.");
                return;
            }

            bool named = result.GetValue(ids) is { Length: > 0 };
            bool fromFile = result.GetResult(idsFrom) is not null;
            bool all = result.GetValue(allEnabled);
            if ((named ? 1 : 0) + (fromFile ? 1 : 0) + (all ? 1 : 0) != 1)
            {
                result.AddError("Say which codes: ActivationIds, --ids-from FILE, or --all-enabled (one of them).");
            }
            else if (!all && (result.GetResult(filters.InstanceName) ?? result.GetResult(filters.Tags) ?? result.GetResult(filters.ResourceGroup)) is not null)
            {
                result.AddError("--instance-name, --tag and --resource-group filter --all-enabled; they do not apply to codes named by ID.");
            }
            else if (!all && result.GetValue(dryRun))
            {
                result.AddError("--dry-run applies to --all-enabled.");
            }
        });

        command.SetAction((parsed, cancellationToken) =>
        {
            GlobalSettings settings = globals.Read(parsed);
            return parsed.GetValue(allEnabled)
                ? DisableMatchingAsync(host, settings, filters, parsed, parsed.GetValue(yes), parsed.GetValue(dryRun), cancellationToken)
                : DisableNamedAsync(host, settings, parsed.GetValue(ids), parsed.GetValue(idsFrom), cancellationToken);
        });
        return command;
    }

    private static async Task<int> DisableNamedAsync(CliHost host, GlobalSettings settings, string[]? named, string? idsFrom, CancellationToken cancellationToken)
    {
        List<string> ids;
        try
        {
            ids = idsFrom is null ? named!.ToList() : IdsFile.Read(idsFrom, host.In);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            host.Error.WriteLine($"--ids-from: cannot read '{idsFrom}': {e.Message}");
            return ExitCodes.Refused;
        }

        ids = ids.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            host.Error.WriteLine($"--ids-from: '{idsFrom}' holds no ActivationId. Nothing was disabled.");
            return ExitCodes.Refused;
        }

        using ClientSession? session = await ClientSession.OpenAsync(host, settings, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Refused;
        }

        return await DisableAsync(host, settings, session, ids, Array.Empty<ActivationDisableOutcome>(), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> DisableMatchingAsync(
        CliHost host, GlobalSettings settings, FilterOptions filters, ParseResult parsed, bool yes, bool dryRun, CancellationToken cancellationToken)
    {
        using ClientSession? session = await ClientSession.OpenAsync(host, settings, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Refused;
        }

        DescribeActivationsRequest filter = filters.ToRequest(parsed, session.Region);
        var (listed, exitCode) = await Listing.ListAsync(host, session, filter, cancellationToken).ConfigureAwait(false);
        if (listed is null)
        {
            return exitCode;
        }

        List<string> enabled = listed.Where(a => !a.Disabled && !string.IsNullOrEmpty(a.ActivationId)).Select(a => a.ActivationId!).Distinct(StringComparer.Ordinal).ToList();
        List<Activation> alreadyDisabled = listed.Where(a => a.Disabled).ToList();

        // What the listing already tells: the codes disabled before, and any enabled code it did not identify
        // (which cannot be disabled, so it is reported as failed rather than dropped).
        List<ActivationDisableOutcome> known = alreadyDisabled
            .Select(a => new ActivationDisableOutcome(a.ActivationId ?? string.Empty, ActivationDisableStatus.AlreadyDisabled, a))
            .Concat(listed.Where(a => !a.Disabled && string.IsNullOrEmpty(a.ActivationId)).Select(ActivationDisableOutcome.UnidentifiedEnabledCode))
            .ToList();
        string conditions = FilterOptions.Describe(filter);
        string what = conditions.Length == 0
            ? $"EVERY enabled activation code in {session.Region} (no filter was given)"
            : $"the enabled activation codes in {session.Region} with {conditions}";
        host.Error.WriteLine($"{listed.Count} code(s) match in {session.Region}{(conditions.Length == 0 ? " (no filter: every code in the region)" : $" ({conditions})")}: {enabled.Count} enabled, {alreadyDisabled.Count} already disabled.");

        if (dryRun)
        {
            using var reporter = new ResultReporter(host, settings.Json, session.Audit, session.Region, "DisableActivation", enabled.Count);
            foreach (string id in enabled)
            {
                reporter.Report(new ResultLine(id, "WouldDisable", null, null, 0), audited: false);
            }

            reporter.Finish();
            host.Error.WriteLine("Dry run: nothing was changed.");
            return ExitCodes.Done;
        }

        if (enabled.Count == 0)
        {
            // Nothing to ask about: the result lines are what the listing told.
            host.Error.WriteLine("Nothing to disable.");
            return await DisableAsync(host, settings, session, enabled, known, cancellationToken).ConfigureAwait(false);
        }

        // The emulator is a demo: only Alibaba Cloud (or another endpoint) gets the question.
        if (!yes && session.Emulator is null && !await Confirmation.AskAsync(host, enabled.Count, what, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.Refused;
        }

        // Exactly the codes counted in the question are disabled: no second listing that could match more.
        return await DisableAsync(host, settings, session, enabled, known, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disables <paramref name="ids"/>, reporting each outcome as it completes, after the outcomes a listing already told (<paramref name="known"/>).</summary>
    private static async Task<int> DisableAsync(
        CliHost host, GlobalSettings settings, ClientSession session, List<string> ids, IReadOnlyList<ActivationDisableOutcome> known, CancellationToken cancellationToken)
    {
        using var reporter = new ResultReporter(host, settings.Json, session.Audit, session.Region, "DisableActivation", ids.Count + known.Count);
        var progress = new DisableProgress(reporter);
        foreach (ActivationDisableOutcome outcome in known)
        {
            // Told by the listing, not by a DisableActivation call: printed, but there is no call to audit.
            reporter.Report(ResultLine.From(outcome), audited: false);
        }

        try
        {
            await session.Client.DisableActivationsAsync(
                ids,
                new BulkDisableOptions { RegionId = session.Region, MaxConcurrency = settings.MaxConcurrency ?? new BulkDisableOptions().MaxConcurrency, Progress = progress },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            host.Error.WriteLine(e.Message);
            return ExitCodes.Refused;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reporter.Finish(interrupted: true);
            return ExitCodes.Interrupted;
        }

        reporter.Finish();
        return reporter.AnyFailed ? ExitCodes.Failed : ExitCodes.Done;
    }
}
