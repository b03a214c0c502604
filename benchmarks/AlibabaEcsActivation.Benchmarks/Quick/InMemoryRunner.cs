using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Benchmarks.Quick;

/// <summary>
/// <c>inmemory [seconds] [sdk|raw|obligations]</c>: the SDK's own CPU and allocations per call, with the network replaced by a
/// handler that answers at once, against raw HttpClient over the same handler. Nothing waits on a socket,
/// so what remains is exactly the code on top of HttpClient; a profiler attached here sees only that.
/// With both sides, each round ends with the same calls made cache-cold, as they are over a network:
/// between two calls a thread waits on a socket while the kernel, the server and other threads run, and
/// the caller's code and data are evicted from the CPU caches. A hot loop hides that cost; the cold figure
/// shows it. With <c>sdk</c> or <c>raw</c> only that side's hot loop runs, so a profiler sees no eviction
/// loop; <c>obligations</c> runs the plainly written conforming client alone, hot and cache-cold.
/// </summary>
internal static class InMemoryRunner
{
    // Larger than this VM's L1 and L2 together many times over: writing it evicts what the last call touched.
    private const int EvictorBytes = 8 << 20;
    private const int ColdCalls = 2_000;

    public static async Task<int> RunAsync(string[] args)
    {
        double seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        string only = args.Length > 2 ? args[2] : "both";

        // The end-to-end scenario itself, both HttpClients as in BenchmarkData but answered in memory.
        using var scenario = new EndToEndScenario("http://127.0.0.1:1/", static () => new HttpClient(new CannedHandler()) { Timeout = Timeout.InfiniteTimeSpan });
        Func<Task> raw = scenario.RawCallAsync;
        Func<Task> sdk = scenario.ClientCallAsync;
        byte[] evictor = new byte[EvictorBytes];
        if (only == "obligations")
        {
            for (int round = 0; round < 3; round++)
            {
                await Report("obligations", scenario.ObligationsCallAsync, seconds);
                await ReportCold("obligations", scenario.ObligationsCallAsync, evictor);
            }

            return 0;
        }

        for (int round = 0; round < 3; round++)
        {
            if (only != "sdk")
            {
                await Report("raw", raw, seconds);
            }

            if (only != "raw")
            {
                await Report("sdk", sdk, seconds);
            }

            if (only == "both")
            {
                await ReportCold("raw", raw, evictor);
                await ReportCold("sdk", sdk, evictor);
            }
        }

        return 0;
    }

    /// <summary>Times each call alone, after writing one byte per cache line of <paramref name="evictor"/>.</summary>
    private static async Task ReportCold(string name, Func<Task> call, byte[] evictor)
    {
        long ticks = 0;
        for (int i = 0; i < ColdCalls; i++)
        {
            for (int line = 0; line < evictor.Length; line += 64)
            {
                evictor[line]++;
            }

            long started = Stopwatch.GetTimestamp();
            await call();
            ticks += Stopwatch.GetTimestamp() - started;
        }

        Console.WriteLine($"{name} cache-cold: {ticks * 1e9 / Stopwatch.Frequency / ColdCalls:0} ns/call");
    }

    private static async Task Report(string name, Func<Task> call, double seconds)
    {
        // Until the JIT has finished with this side: a fixed count of calls measured part of the tier-up (round 8).
        await JitWarmUp.RunAsync(
            async () =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    await call();
                }
            },
            TimeSpan.Zero,
            TimeSpan.FromSeconds(30));

        long calls = 0;
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 1000; i++)
            {
                Task t = call();
                if (!t.IsCompleted)
                {
                    throw new InvalidOperationException("expected a synchronous completion");
                }

                await t;
            }

            calls += 1000;
        }

        double ns = clock.Elapsed.TotalNanoseconds / calls;
        double b = (double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / calls;
        Console.WriteLine($"{name}: {ns:0} ns/call, {b:0} B/call");
    }

    private sealed class CannedHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new ByteArrayContent(BenchmarkData.TypedBody)
                {
                    Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
                },
            });
    }
}
