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

    /// <summary>Asynchronous rounds (<paramref name="round"/> runs <paramref name="opsPerRound"/> operations); allocations process-wide.</summary>
    public static async Task<(Sample Baseline, Sample Candidate)> PairAsync(Func<int, Task> baseline, Func<int, Task> candidate, int opsPerRound, TimeSpan warmUp)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < warmUp)
        {
            await baseline(opsPerRound / 4 + 1);
            await candidate(opsPerRound / 4 + 1);
        }

        var baselines = new List<Sample>(Rounds);
        var candidates = new List<Sample>(Rounds);
        for (int round = 0; round < Rounds; round++)
        {
            baselines.Add(await RunAsync(baseline, opsPerRound));
            candidates.Add(await RunAsync(candidate, opsPerRound));
        }

        return (Median(baselines), Median(candidates));
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
        samples.Select(s => s.NanosecondsPerOp).Order().ElementAt(samples.Count / 2),
        samples.Select(s => s.BytesPerOp).Order().ElementAt(samples.Count / 2),
        samples.Select(s => s.CpuNanosecondsPerOp).Order().ElementAt(samples.Count / 2));
}
