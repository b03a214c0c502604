using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Hosting;

namespace AlibabaEcsActivation.Cli;

/// <summary>The process: its console and environment, and Ctrl+C / SIGTERM as the commands' cancellation.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        void Interrupt(PosixSignalContext context)
        {
            // The first signal lets the command finish its report (exit 130); a second one ends the process at once.
            context.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        return await EcsActivationCli.RunAsync(args, CliHost.FromProcess(), interrupt.Token).ConfigureAwait(false);
    }
}
