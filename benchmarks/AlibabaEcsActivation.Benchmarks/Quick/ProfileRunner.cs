using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Benchmarks.Server;

namespace AlibabaEcsActivation.Benchmarks.Quick;

/// <summary>
/// <c>profile sdk|raw|floor|obligations [seconds] [callers]</c>: one side of the end-to-end benchmark in a loop, so that a
/// sampling profiler can attach to this process alone, e.g.
/// <c>DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0</c> and
/// <c>perf record -g -p PID</c>. Prints calls per second, the CPU per call of this process and of the
/// server's, thread-pool work items and gen0 GCs per call. It warms up until the JIT goes quiet (see <see cref="JitWarmUp"/>)
/// and says how long that took: attach the profiler after that line.
/// </summary>
internal static class ProfileRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        string side = args.Length > 1 ? args[1] : "sdk";
        double seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        int callers = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;

        using ServerProcess server = ServerProcess.Start();
        using var scenario = new EndToEndScenario(server.Url);
        Func<Task> call = side switch
        {
            "raw" => scenario.RawCallAsync,
            "floor" => scenario.FloorCallAsync,
            "obligations" => scenario.ObligationsCallAsync,
            "sdk" => scenario.ClientCallAsync,
            _ => throw new ArgumentException($"Unknown side '{side}': expected sdk, raw, floor or obligations."),
        };
        Console.WriteLine($"PID {Environment.ProcessId}: {side}, {callers} caller(s), {seconds} s");

        // Warm up first (connection pool, and the JIT until it has finished tiering up), so the figures are the
        // steady state's. A fixed 5,000 calls left the SDK's side still being recompiled for seconds afterwards.
        TimeSpan warmUp = await JitWarmUp.RunAsync(() => EndToEndScenario.RunConcurrentAsync(call, callers, 500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        Console.WriteLine($"warmed up for {warmUp.TotalSeconds:0.0} s");

        using Process self = Process.GetCurrentProcess();
        TimeSpan clientCpu = self.TotalProcessorTime;
        TimeSpan serverCpu = server.TotalProcessorTime;
        long calls = 0;
        long workItems = ThreadPool.CompletedWorkItemCount;
        int collections = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await EndToEndScenario.RunConcurrentAsync(call, callers, 1000);
            calls += 1000;
        }

        double perSecond = calls / clock.Elapsed.TotalSeconds;
        self.Refresh();
        double clientUs = (self.TotalProcessorTime - clientCpu).TotalMicroseconds / calls;
        double serverUs = (server.TotalProcessorTime - serverCpu).TotalMicroseconds / calls;
        double itemsPerCall = (double)(ThreadPool.CompletedWorkItemCount - workItems) / calls;
        double gcsPerCall = (double)(GC.CollectionCount(0) - collections) / calls;
        Console.WriteLine($"{side}: {perSecond:0} calls/s, CPU per call {clientUs:0.0} us here and {serverUs:0.0} us in the server, {itemsPerCall:0.00} thread-pool work items/call, {gcsPerCall * 1000:0.00} gen0 GCs per 1000 calls");
        return 0;
    }
}
