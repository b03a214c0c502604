using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Benchmarks.Quick;

/// <summary>
/// <c>inmemory [seconds] [sdk|raw]</c>: the SDK's own CPU and allocations per call, with the network replaced by a
/// handler that answers at once, against raw HttpClient over the same handler. Nothing waits on a socket,
/// so what remains is exactly the code on top of HttpClient; a profiler attached here sees only that.
/// </summary>
internal static class InMemoryRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        double seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        string only = args.Length > 2 ? args[2] : "both";

        // The end-to-end scenario itself, both HttpClients as in BenchmarkData but answered in memory.
        using var scenario = new EndToEndScenario("http://127.0.0.1:1/", static () => new HttpClient(new CannedHandler()) { Timeout = Timeout.InfiniteTimeSpan });
        Func<Task> raw = scenario.RawCallAsync;
        Func<Task> sdk = scenario.ClientCallAsync;

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
        }

        return 0;
    }

    private static async Task Report(string name, Func<Task> call, double seconds)
    {
        for (int i = 0; i < 20_000; i++)
        {
            await call();
        }

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
