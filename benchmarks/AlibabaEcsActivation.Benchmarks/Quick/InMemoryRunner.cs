using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Benchmarks.Quick;

/// <summary>
/// <c>inmemory [seconds] [both|sdk|raw|obligations] [sync|async]</c>: a client's own CPU and allocations per
/// call, with the network replaced by a handler that answers in memory. Nothing waits on a socket, so what
/// remains is exactly the code on top of HttpClient; a profiler attached here sees only that.
/// <para>
/// <c>sync</c> (the default) answers at once, so every await completes synchronously. <c>async</c> answers
/// after a yield to the thread pool, as a socket does: every asynchronous frame between the caller and
/// HttpClient is then suspended and resumed, which is what each call over a network pays for them.
/// </para>
/// <para>
/// With <c>both</c>, each round ends with the same calls made cache-cold, as they are over a network:
/// between two calls a thread waits on a socket while the kernel, the server and other threads run, and
/// the caller's code and data are evicted from the CPU caches. A hot loop hides that cost; the cold figure
/// shows it. With one side only its hot loop runs, so a profiler sees no eviction loop; <c>obligations</c>
/// (the plainly written conforming client) reports its cold figure too.
/// </para>
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
        bool yields = args.Length > 3 && args[3] == "async";

        // The end-to-end scenario itself, both HttpClients as in BenchmarkData but answered in memory.
        using var scenario = new EndToEndScenario("http://127.0.0.1:1/", () => new HttpClient(new CannedHandler(yields)) { Timeout = Timeout.InfiniteTimeSpan });
        var sides = new (string Name, Func<Task> Call)[] { ("raw", scenario.RawCallAsync), ("sdk", scenario.ClientCallAsync), ("obligations", scenario.ObligationsCallAsync) };
        var chosen = Array.FindAll(sides, side => only == side.Name || (only == "both" && side.Name != "obligations"));
        bool cold = only is "both" or "obligations";
        byte[] evictor = new byte[EvictorBytes];
        for (int round = 0; round < 3; round++)
        {
            foreach (var (name, call) in chosen)
            {
                await Report(name, call, seconds, yields);
            }

            foreach (var (name, call) in cold ? chosen : [])
            {
                await ReportCold(name, call, evictor);
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

    private static async Task Report(string name, Func<Task> call, double seconds, bool yields)
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

        // Calls that yield resume on other threads: count every thread's allocations then.
        long calls = 0;
        long bytes = yields ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 1000; i++)
            {
                Task t = call();
                if (!yields && !t.IsCompleted)
                {
                    throw new InvalidOperationException("expected a synchronous completion");
                }

                await t;
            }

            calls += 1000;
        }

        double ns = clock.Elapsed.TotalNanoseconds / calls;
        long allocated = (yields ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread()) - bytes;
        Console.WriteLine($"{name}: {ns:0} ns/call, {(double)allocated / calls:0} B/call");
    }

    /// <summary>Answers the documented body, at once or after a yield to the thread pool.</summary>
    private sealed class CannedHandler(bool yields) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (yields)
            {
                await Task.Yield();
            }

            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new ByteArrayContent(BenchmarkData.TypedBody)
                {
                    Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
                },
            };
        }
    }
}
