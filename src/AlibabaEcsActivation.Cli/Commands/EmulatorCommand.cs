using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Cli.Options;
using AlibabaEcsActivation.Testing;

namespace AlibabaEcsActivation.Cli.Commands;

/// <summary>
/// <c>emulator</c>: the local emulator on 127.0.0.1, with samples/EcsEmulator's contract: the line
/// <c>Listening on http://127.0.0.1:PORT</c> first, flushed as soon as requests are accepted; Ctrl+C or
/// SIGTERM stops it with exit 0.
/// </summary>
internal static class EmulatorCommand
{
    private const string Description =
        "Runs the ECS activation emulator on 127.0.0.1 for any HTTP client, until Ctrl+C or SIGTERM.\n" +
        "It accepts the AccessKey testid / testsecret and holds the documented example code.\n\n" +
        "Examples:\n" +
        "  ecs-activation emulator --port 8080\n" +
        "  ecs-activation emulator --port 8080 --flow-control-limit 50 --latency 200   # like the service under load\n" +
        "  ALIBABA_CLOUD_ACCESS_KEY_ID=testid ALIBABA_CLOUD_ACCESS_KEY_SECRET=testsecret \\\n" +
        "    ecs-activation --endpoint http://127.0.0.1:8080 --region cn-hangzhou disable 4ECEEE12-56F1-4FBC-9AB1-890F1234****\n\n" +
        "Exit codes: 0 stopped, 1 it could not listen, 2 usage error.";

    public static Command Create(CliHost host)
    {
        var port = new Option<int?>("--port")
        {
            Description = "TCP port on 127.0.0.1 (default 0: any free port, printed on start-up)",
            HelpName = "n",
            CustomParser = ValueParsers.Int32("--port", 0, 65535),
        };
        var flowControlLimit = new Option<int?>("--flow-control-limit")
        {
            Description = "requests per second each AccessKey may send to each action; beyond it: Throttling.User (default: unlimited)",
            HelpName = "n",
            CustomParser = ValueParsers.Int32("--flow-control-limit", 1, int.MaxValue),
        };
        var latency = new Option<int?>("--latency")
        {
            Description = "answer every request this many milliseconds after it arrives (default 0)",
            HelpName = "ms",
            CustomParser = ValueParsers.Int32("--latency", 0, 86_400_000),
        };
        var quiet = new Option<bool>("--quiet") { Description = "do not print one line per request (on stderr)" };
        var command = new Command("emulator", Description) { port, flowControlLimit, latency, quiet };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            host,
            parsed.GetValue(port) ?? 0,
            new EcsEmulatorOptions { FlowControlLimit = parsed.GetValue(flowControlLimit), Latency = TimeSpan.FromMilliseconds(parsed.GetValue(latency) ?? 0) },
            parsed.GetValue(quiet),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliHost host, int port, EcsEmulatorOptions options, bool quiet, CancellationToken cancellationToken)
    {
        var emulator = new EcsEmulator(options);
        if (!quiet)
        {
            var gate = new object();
            emulator.Requests.Completed += (_, request) =>
            {
                lock (gate)
                {
                    host.Error.WriteLine(request);
                }
            };
        }

        EcsEmulatorServer server;
        try
        {
            server = await emulator.StartServerAsync(port, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            host.Error.WriteLine($"Cannot listen on 127.0.0.1:{port}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Done;
        }

        await using (server.ConfigureAwait(false))
        {
            // Scripts wait for this exact line: first, and flushed, as soon as requests are accepted.
            host.Out.WriteLine($"Listening on {server.BaseAddress.GetLeftPart(UriPartial.Authority)}");
            host.Out.Flush();
            host.Out.WriteLine($"Access key: {EcsEmulator.DefaultAccessKeyId} / {EcsEmulator.DefaultAccessKeySecret} (an emulator key, not a real one)");
            host.Out.WriteLine($"Seeded activation: {EmulatedActivation.DocumentedExample.ActivationId} in {EmulatedActivation.DocumentedExample.RegionId}");
            host.Out.WriteLine("Press Ctrl+C to stop.");
            host.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: the way it is meant to stop.
            }
        }

        host.Out.WriteLine("Stopped.");
        host.Out.Flush();
        return ExitCodes.Done;
    }
}
