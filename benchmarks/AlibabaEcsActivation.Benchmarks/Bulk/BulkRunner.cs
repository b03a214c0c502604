using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing;

namespace AlibabaEcsActivation.Benchmarks.Bulk;

/// <summary>
/// <c>bulk [rounds] [limit] [codes]</c>: a bulk disable at the speed the service allows. Per round and per latency
/// (1, 10 and 200 ms), a fresh emulator over loopback HTTP (Kestrel) with a flow-control limit of 50 requests per
/// second per key and action (or <c>limit</c>), 300 enabled codes (or <c>codes</c>), and <c>DisableActivationsAsync</c>
/// on all of them with default options.
/// <para>
/// Achieved over allowed: the emulator's limit is a token bucket that starts full, so over a run of <c>T</c>
/// seconds it accepts at most <c>50 × (1 + T)</c> requests (the burst of 50 and 50 a second). The ratio is the
/// requests it accepted over that; <c>T</c> is the whole call as the caller times it, the last answer's
/// latency included, so the ratio cannot reach 1 (300 codes at 200 ms: at most 300 / (50 × 6.2) = 0.97).
/// </para>
/// </summary>
internal static class BulkRunner
{
    private static readonly int[] LatenciesMs = [1, 10, 200];

    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        int limit = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
        int codes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 300;

        // The JIT's first compilations would count against the first run: one unlimited run first, not reported.
        await RunOnceAsync(latencyMs: 0, limit: null, codes);
        Console.WriteLine($"bulk: {codes} codes, flow-control limit {limit}/s per key and action, default BulkDisableOptions (MaxConcurrency {new BulkDisableOptions().MaxConcurrency})");
        Console.WriteLine("latency | disabled | failed | throttled | most attempts | elapsed | achieved | allowed | achieved/allowed");
        bool allMet = true;
        for (int round = 0; round < rounds; round++)
        {
            foreach (int latencyMs in LatenciesMs)
            {
                Run run = await RunOnceAsync(latencyMs, limit, codes);
                double seconds = run.Elapsed.TotalSeconds;
                double allowed = limit * (1 + seconds);
                double ratio = run.Accepted / allowed;
                allMet &= ratio >= 0.9 && run.Failed == 0;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{latencyMs,4} ms | {run.Disabled,8} | {run.Failed,6} | {run.Throttled,9} | {run.MostAttempts,13} | {seconds,5:0.00} s | {run.Accepted / seconds,5:0.0}/s | {allowed / seconds,5:0.0}/s | {ratio:0.000}"));
            }
        }

        Console.WriteLine(allMet ? "bulk_target_met: yes (>= 0.90 at every latency, no code failed)" : "bulk_target_met: NO");
        return 0;
    }

    private static async Task<Run> RunOnceAsync(int latencyMs, int? limit, int codes)
    {
        var emulator = new EcsEmulator(new EcsEmulatorOptions
        {
            SeedDocumentedExample = false,
            FlowControlLimit = limit,
            Latency = TimeSpan.FromMilliseconds(latencyMs),
        });
        string[] ids = Enumerable.Range(1, codes).Select(i => $"BULK{i:D4}-56F1-4FBC-9AB1-890F1234****").ToArray();
        foreach (string id in ids)
        {
            emulator.Activations.Put(EmulatedActivation.DocumentedExample with { ActivationId = id });
        }

        await using EcsEmulatorServer server = await emulator.StartServerAsync();
        using var client = new EcsActivationClient(new EcsActivationClientOptions
        {
            RegionId = "cn-hangzhou",
            Endpoint = server.BaseAddress.ToString(),
            AccessKeyId = EcsEmulator.DefaultAccessKeyId,
            AccessKeySecret = EcsEmulator.DefaultAccessKeySecret,
        });

        long started = Stopwatch.GetTimestamp();
        BulkDisableResult result = await client.DisableActivationsAsync(ids);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(started);

        var requests = emulator.Requests.Snapshot();
        int throttled = requests.Count(r => r.ErrorCode == "Throttling.User");
        return new Run(result.DisabledCount, result.FailedCount, throttled, requests.Count - throttled, result.Outcomes.Max(o => o.Attempts), elapsed);
    }

    private sealed record Run(int Disabled, int Failed, int Throttled, int Accepted, int MostAttempts, TimeSpan Elapsed);
}
