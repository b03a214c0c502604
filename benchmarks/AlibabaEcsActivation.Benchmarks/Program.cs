using System;
using System.Threading.Tasks;
using AlibabaEcsActivation.Benchmarks.Bulk;
using AlibabaEcsActivation.Benchmarks.ColdStart;
using AlibabaEcsActivation.Benchmarks.Quick;
using AlibabaEcsActivation.Benchmarks.Server;
using BenchmarkDotNet.Running;

namespace AlibabaEcsActivation.Benchmarks;

/// <summary>
/// <c>quick</c>: the one-minute sanity mode (<c>quick signing</c>: its signing figures alone). <c>inmemory</c>: the SDK's own CPU and bytes per call, with
/// no network. <c>profile</c>: one side of the end-to-end loop for a profiler to attach to. <c>serve</c>:
/// the loopback server (started by the other modes as a child process). <c>bulk</c>: a bulk disable against the
/// emulator's flow-control limit, achieved over allowed rate. <c>coldstart</c>: the installed tool's whole-process
/// one-shot disable beside curl. Anything else goes to
/// BenchmarkDotNet, e.g. <c>--filter '*' --job short</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : null)
        {
            case "serve":
                return await LoopbackServer.ServeUntilStdinClosesAsync();
            case "inmemory":
                return await InMemoryRunner.RunAsync(args);
            case "profile":
                return await ProfileRunner.RunAsync(args);
            case "bulk":
                return await BulkRunner.RunAsync(args);
            case "quick":
                return await QuickRunner.RunAsync(signingOnly: args.Length > 1 && args[1] == "signing");
            case "coldstart":
                return ColdStartRunner.Run(args);
        }

        // BenchmarkDotNet runs each benchmark in a process of its own; they inherit the server's URL.
        using ServerProcess server = ServerProcess.Start();
        Environment.SetEnvironmentVariable(ServerProcess.UrlVariable, server.Url);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
