using System;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Connection;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Cli.Options;
using AlibabaEcsActivation.Cli.Output;

namespace AlibabaEcsActivation.Cli.Commands;

/// <summary><c>delete</c>: the codes named, one after the other, one result line each.</summary>
internal static class DeleteCommand
{
    private const string Description =
        "Deletes activation codes (the service refuses a code that instances still use: ActivationId.InUse).\n" +
        "One result line per code on stdout: Deleted, NotFound or Failed with the error code.\n\n" +
        "Examples:\n" +
        "  ecs-activation delete --region cn-hangzhou 4ECEEE12-56F1-4FBC-9AB1-890F1234****\n" +
        "  ecs-activation delete --region cn-hangzhou --json --audit-log audit.jsonl <id> <id>\n\n" +
        "Exit codes: 0 all deleted, 1 any failed or not found, 2 usage or refused, 130 interrupted.";

    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var ids = new Argument<string[]>("id") { Description = "the ActivationIds to delete", Arity = ArgumentArity.OneOrMore };
        var command = new Command("delete", Description) { ids };
        command.Validators.Add(result =>
        {
            if (OptionLike.Find(result.GetValue(ids)) is string unknown)
            {
                result.AddError($"Unrecognized option '{unknown}'.");
            }
        });
        command.SetAction((parsed, cancellationToken) => RunAsync(host, globals.Read(parsed), parsed.GetValue(ids)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, GlobalSettings settings, string[] given, CancellationToken cancellationToken)
    {
        string[] ids = given.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.FirstOrDefault(string.IsNullOrWhiteSpace) is not null)
        {
            host.Error.WriteLine("An ActivationId is empty. Nothing was deleted.");
            return ExitCodes.Refused;
        }

        using ClientSession? session = await ClientSession.OpenAsync(host, settings, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return ExitCodes.Refused;
        }

        using var reporter = new ResultReporter(host, settings.Json, session.Audit, session.Region, "DeleteActivation", ids.Length);
        foreach (string id in ids)
        {
            ResultLine line;
            try
            {
                DeleteActivationResponse deleted = await session.Client.DeleteActivationAsync(new DeleteActivationRequest(id) { RegionId = session.Region }, cancellationToken).ConfigureAwait(false);
                line = new ResultLine(id, "Deleted", null, deleted.RequestId, deleted.ResponseMetadata.Attempts);
            }
            catch (ArgumentException e)
            {
                reporter.Finish();
                host.Error.WriteLine(e.Message);
                return ExitCodes.Refused;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                reporter.Finish(interrupted: true);
                return ExitCodes.Interrupted;
            }
            catch (EcsException e)
            {
                line = ResultLine.From(id, e);
            }

            reporter.Report(line);
        }

        reporter.Finish();
        return reporter.AnyFailed ? ExitCodes.Failed : ExitCodes.Done;
    }
}
