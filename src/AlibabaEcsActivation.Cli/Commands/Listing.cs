using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Audit;
using AlibabaEcsActivation.Cli.Connection;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Cli.Output;

namespace AlibabaEcsActivation.Cli.Commands;

/// <summary>Lists every code that matches a filter, page by page, auditing each DescribeActivations call.</summary>
internal static class Listing
{
    /// <summary>Every match, or null with the exit code after printing why (2: the filter is invalid; 1: a call failed).</summary>
    public static async Task<(List<Activation>? Activations, int ExitCode)> ListAsync(CliHost host, ClientSession session, DescribeActivationsRequest filter, CancellationToken cancellationToken)
    {
        var activations = new List<Activation>();
        try
        {
            await foreach (DescribeActivationsResponse page in session.Client.DescribeAllActivationsAsync(filter, cancellationToken).AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                session.Audit.Write(new AuditEntry
                {
                    Time = host.TimeProvider.GetUtcNow(),
                    Action = "DescribeActivations",
                    Region = session.Region,
                    Status = "Listed",
                    RequestId = page.RequestId,
                    Attempts = page.ResponseMetadata.Attempts,
                    Count = page.ActivationList.Count,
                });
                activations.AddRange(page.ActivationList);
            }
        }
        catch (ArgumentException e)
        {
            host.Error.WriteLine(e.Message);
            return (null, ExitCodes.Refused);
        }
        catch (EcsException e)
        {
            session.Audit.Write(AuditEntry.Failure(host.TimeProvider.GetUtcNow(), "DescribeActivations", session.Region, e));
            FailureReport.Print(host.Error, "DescribeActivations", e);
            host.Error.WriteLine("Listing failed; nothing was changed.");
            return (null, ExitCodes.Failed);
        }

        return (activations, ExitCodes.Done);
    }
}
