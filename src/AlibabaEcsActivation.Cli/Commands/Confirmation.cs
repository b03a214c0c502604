using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Hosting;

namespace AlibabaEcsActivation.Cli.Commands;

/// <summary>
/// The question before a filter-mode disable on Alibaba Cloud, with how many codes it would disable.
/// Without a terminal to ask on (stdin redirected), the answer is no: scripts say <c>--yes</c>.
/// </summary>
internal static class Confirmation
{
    /// <exception cref="System.OperationCanceledException">Ctrl+C while the question waits for its answer.</exception>
    public static async Task<bool> AskAsync(CliHost host, int count, string what, CancellationToken cancellationToken)
    {
        if (!host.IsInputTerminal)
        {
            host.Error.WriteLine($"Refusing to disable {count} enabled activation code(s) without a confirmation, and stdin is not a terminal to ask on.");
            host.Error.WriteLine("Add --yes to disable them, or --dry-run to see which they are. Nothing was disabled.");
            return false;
        }

        host.Error.Write($"Disable {count} enabled activation code(s): {what}? This cannot be undone. Type 'yes' to go on: ");
        host.Error.Flush();
        // A console read does not observe cancellation: Ctrl+C ends the wait, not the read.
        string? answer = (await Task.Run(host.In.ReadLine, CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false))?.Trim();
        if (string.Equals(answer, "yes", System.StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "y", System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        host.Error.WriteLine("Not confirmed. Nothing was disabled.");
        return false;
    }
}
