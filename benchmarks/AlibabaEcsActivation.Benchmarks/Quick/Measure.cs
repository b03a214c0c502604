using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Benchmarks.Quick;

/// <summary>
/// Stopwatch loops for the quick mode: warm up, then alternate baseline and candidate rounds so both
/// see the same machine noise, and keep the median of each. A sanity check, not BenchmarkDotNet.
/// </summary>
internal static class Measure
{
    public const int Rounds = 7;

    /// <summary>Synchronous operations; allocations counted on this thread only.</summary>
    public static (Sample Baseline, Sample Candidate) Pair(Action baseline, Action candidate, int opsPerRound, TimeSpan warmUp)
    {
        WarmUp(baseline, candidate, warmUp);
        var baselines = new List<Sample>(Rounds);
        var candidates = new List<Sample>(Rounds);
        for (int round = 0; round < Rounds; round++)
        {
            baselines.Add(Run(baseline, opsPerRound));
            candidates.Add(Run(candidate, opsPerRound));
        }

        return (Median(baselines), Median(candidates));
    }

    /// <summary>
    /// Asynchronous rounds (each side is given <paramref name="opsPerRound"/> operations to run); allocations
    /// process-wide. Also returns the median of the per-round throughput ratios (baseline time over candidate
    /// time, each pair run back to back): on a VM whose speed drifts from second to second, the ratio of two
    /// neighbouring rounds cancels the drift that the ratio of two separate medians keeps.
    /// </summary>
    public static async Task<(Sample Baseline, Sample Candidate, double ThroughputRatio)> PairAsync(
        Func<int, Task> baseline, Func<int, Task> candidate, int opsPerRound, int rounds, TimeSpan warmUp)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < warmUp)
        {
            await baseline(opsPerRound / 4 + 1);
            await candidate(opsPerRound / 4 + 1);
        }

        var baselines = new List<Sample>(rounds);
        var candidates = new List<Sample>(rounds);
        var ratios = new List<double>(rounds);
        for (int i = 0; i < rounds; i++)
        {
            // Alternate which side goes first, so neither always runs right after the other's GC or warm caches.
            Sample b, c;
            if (i % 2 == 0)
            {
                b = await RunAsync(baseline, opsPerRound);
                c = await RunAsync(candidate, opsPerRound);
            }
            else
            {
                c = await RunAsync(candidate, opsPerRound);
                b = await RunAsync(baseline, opsPerRound);
            }

            baselines.Add(b);
            candidates.Add(c);
            ratios.Add(b.NanosecondsPerOp / c.NanosecondsPerOp);
        }

        return (Median(baselines), Median(candidates), Median(ratios));
    }

    private static void WarmUp(Action baseline, Action candidate, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (int i = 0; i < 1000; i++)
            {
                baseline();
                candidate();
            }
        }
    }

    private static Sample Run(Action op, int ops)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < ops; i++)
        {
            op();
        }

        double elapsed = Stopwatch.GetElapsedTime(started).TotalNanoseconds;
        return new Sample(elapsed / ops, (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / ops);
    }

    private static async Task<Sample> RunAsync(Func<int, Task> round, int ops)
    {
        using Process self = Process.GetCurrentProcess();
        TimeSpan cpu = self.TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long started = Stopwatch.GetTimestamp();
        await round(ops);
        double elapsed = Stopwatch.GetElapsedTime(started).TotalNanoseconds;
        long allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
        self.Refresh();
        double cpuElapsed = (self.TotalProcessorTime - cpu).TotalNanoseconds;
        return new Sample(elapsed / ops, (double)(allocatedAfter - allocated) / ops, cpuElapsed / ops);
    }

    // Time and allocation medians are taken independently: each is the typical round for that figure.
    private static Sample Median(List<Sample> samples) => new(
        Median(samples.Select(s => s.NanosecondsPerOp)),
        Median(samples.Select(s => s.BytesPerOp)),
        Median(samples.Select(s => s.CpuNanosecondsPerOp)));

    // The upper median for an even count; every caller here has an odd one.
    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
