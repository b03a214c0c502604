using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>What the fuzz run is asked to do, from the environment.</summary>
internal sealed record FuzzSettings(int MasterSeed, int Iterations, IReadOnlyList<int>? ReplaySeeds)
{
    public const int DefaultSeed = 20250314;
    public const int DefaultIterations = 20_000;

    public static FuzzSettings FromEnvironment()
    {
        int seed = Parse("ECS_FUZZ_SEED") ?? DefaultSeed;
        int iterations = Parse("ECS_FUZZ_ITERATIONS") ?? DefaultIterations;
        string? replay = Environment.GetEnvironmentVariable("ECS_FUZZ_CASE");
        IReadOnlyList<int>? seeds = string.IsNullOrWhiteSpace(replay)
            ? null
            : replay.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        return new FuzzSettings(seed, iterations, seeds);
    }

    /// <summary>The seeds of the run: the replayed ones, or one per iteration derived from the master seed.</summary>
    public IReadOnlyList<int> CaseSeeds() => ReplaySeeds ?? Enumerable.Range(0, Iterations).Select(i => CaseSeed(MasterSeed, i)).ToList();

    /// <summary>SplitMix64 of (master, index): independent, non-negative case seeds.</summary>
    public static int CaseSeed(int master, int index)
    {
        ulong z = ((ulong)(uint)master << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    private static int? Parse(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}

/// <summary>Runs cases a few at a time and reports every violation, grouped by kind.</summary>
internal sealed class FuzzRunner
{
    public const string ReplayHint = "ECS_FUZZ_CASE=<seed> dotnet test tests/AlibabaEcsActivation.Tests --filter \"FullyQualifiedName~ResponseHandlingFuzzTests\"";

    private FuzzRunner(FuzzSettings settings, IReadOnlyList<CaseResult> cases, TimeSpan elapsed, TimeSpan cpu)
    {
        Settings = settings;
        Cases = cases;
        Elapsed = elapsed;
        Cpu = cpu;
    }

    public FuzzSettings Settings { get; }

    public IReadOnlyList<CaseResult> Cases { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The test process's CPU time during the run (every thread; other tests running alongside included).</summary>
    public TimeSpan Cpu { get; }

    public IReadOnlyList<Violation> Violations => Cases.SelectMany(c => c.Violations).ToList();

    public static async Task<FuzzRunner> RunAsync(FuzzSettings settings, int parallelism = 8)
    {
        IReadOnlyList<int> seeds = settings.CaseSeeds();
        var results = new CaseResult[seeds.Count];
        int next = -1;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();

        // On the thread pool, away from xunit's synchronization context (two threads shared by every running
        // test): a case's continuations must not queue behind other tests, or a busy run looks like a hang.
        async Task WorkAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < seeds.Count)
            {
                results[i] = await FuzzCase.RunAsync(seeds[i]).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(WorkAsync))).ConfigureAwait(false);
        stopwatch.Stop();
        return new FuzzRunner(settings, results, stopwatch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }

    /// <summary>Counts that show what the run exercised.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Cases.Count} cases (master seed {Settings.MasterSeed}) in {Elapsed.TotalSeconds:0.00} s ({Cpu.TotalSeconds:0.0} s CPU, {Environment.ProcessorCount} cores); ");
        sb.Append(CultureInfo.InvariantCulture, $"{Cases.Sum(c => c.World.Requests)} attempts answered; {Cases.Count(c => c.Violations.Count > 0)} cases broke a rule.").AppendLine();
        sb.Append("methods: ").AppendLine(string.Join(", ", Cases.GroupBy(c => c.Method).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        sb.Append("outcomes: ").AppendLine(string.Join(", ", Cases.GroupBy(c => c.Outcome).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        var walks = Cases.Where(c => c.Method is FuzzMethod.Walk or FuzzMethod.BulkFilter).ToList();
        sb.Append("paging depth (DescribeActivations attempts per walk/filter case): ")
          .AppendLine(string.Join(", ", walks.GroupBy(c => Bucket(c.World.DescribeRequests)).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        sb.Append(CultureInfo.InvariantCulture, $"walk/filter cases that completed after >= 4 pages: {walks.Count(c => c.Outcome == "success" && c.World.DescribeRequests >= 4)}; ");
        sb.Append(CultureInfo.InvariantCulture, $"bulk cases that called DisableActivation: {Cases.Count(c => c.World.DisableRequests.Count > 0 && c.Method is FuzzMethod.BulkIds or FuzzMethod.BulkFilter)}; ");
        sb.Append(CultureInfo.InvariantCulture, $"stall cases: {Cases.Count(c => c.World.Stalls)}; caller-cancel cases: {Cases.Count(c => c.World.MayCancelCaller)}").AppendLine();
        sb.Append("answers by category: ").AppendLine(string.Join(", ", Categories().OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
        return sb.ToString();
    }

    /// <summary>Every answer's category and delivery, counted (for the coverage check).</summary>
    public Dictionary<string, int> Categories()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (CaseResult c in Cases)
        {
            foreach (string category in c.World.Categories)
            {
                counts[category] = counts.GetValueOrDefault(category) + 1;
            }
        }

        return counts;
    }

    /// <summary>The assertion message: every violation kind, with where it is thrown, per-method counts and a replay seed each.</summary>
    public string Report()
    {
        IReadOnlyList<Violation> all = Violations;
        var groups = all.GroupBy(v => v.GroupKey).Select(g => g.ToList()).OrderBy(g => g[0].Kind, StringComparer.Ordinal).ThenByDescending(g => g.Count).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Response-handling fuzz: {groups.Count} distinct violation(s), {all.Count} in all, in {Cases.Count(c => c.Violations.Count > 0)} of {Cases.Count} cases ");
        sb.Append(CultureInfo.InvariantCulture, $"(master seed {Settings.MasterSeed}, {Elapsed.TotalSeconds:0.0} s).").AppendLine();
        sb.Append("Replay one case: ").AppendLine(ReplayHint);
        int n = 0;
        foreach (List<Violation> group in groups)
        {
            Violation first = group[0];
            // The simplest example: fewest answers, then lowest seed.
            Violation example = group.OrderBy(v => v.Responses.Count).ThenBy(v => v.Seed).First();
            sb.AppendLine();
            sb.Append(CultureInfo.InvariantCulture, $"{++n}. [{first.Kind}] {first.What} — {group.Count} time(s)").AppendLine();
            if (first.ExceptionType != "-")
            {
                sb.Append("   SDK path (innermost first): ").AppendLine(example.Site.SdkPath);
                sb.Append("   exceptions: ").AppendLine(string.Join("; ", group.GroupBy(v => (v.ExceptionType, v.ThrowSite, v.Site.SdkFrame)).OrderByDescending(g => g.Count())
                    .Select(g => $"{g.Key.ExceptionType} thrown at {g.Key.ThrowSite}{(g.Key.ThrowSite == g.Key.SdkFrame ? string.Empty : " via " + g.Key.SdkFrame)} ×{g.Count()} (seed {g.OrderBy(v => v.Responses.Count).ThenBy(v => v.Seed).First().Seed})")));
            }

            sb.Append("   methods: ").AppendLine(string.Join(", ", group.GroupBy(v => v.Method).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()} (seed {g.OrderBy(v => v.Responses.Count).ThenBy(v => v.Seed).First().Seed})")));
            var categories = group.SelectMany(v => v.Categories).GroupBy(c => c).OrderByDescending(g => g.Count()).Take(8).Select(g => $"{g.Key} {g.Count()}").ToList();
            sb.Append("   non-valid answers in these cases: ").AppendLine(categories.Count == 0 ? "none (only valid answers)" : string.Join(", ", categories));
            sb.Append(CultureInfo.InvariantCulture, $"   e.g. seed {example.Seed} ({example.Method}): {example.Detail}").AppendLine();
            foreach (string line in Shorten(example.Responses))
            {
                sb.Append("     answer: ").AppendLine(line);
            }
        }

        return sb.ToString();
    }

    /// <summary>The full trace of each case (replay mode): every answer by shape, the outcome and the violations.</summary>
    public string Traces()
    {
        var sb = new StringBuilder();
        foreach (CaseResult c in Cases)
        {
            sb.Append(CultureInfo.InvariantCulture, $"case {c.Seed}: {c.Method}, fault rate {c.World.FaultRate}, max depth {c.World.MaxDepth}, stalls {c.World.Stalls}, outcome {c.Outcome}, {c.Violations.Count} violation(s)").AppendLine();
            foreach (string line in c.World.Trace)
            {
                sb.Append("  ").AppendLine(line);
            }

            foreach (Violation v in c.Violations)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  VIOLATION [{v.Kind}] {v.What} {v.ExceptionType} at {v.ThrowSite}; SDK path {v.Site.SdkPath}: {v.Detail}").AppendLine();
            }
        }

        return sb.ToString();
    }

    private static string Bucket(int pages) => pages switch
    {
        0 => "0",
        1 => "1",
        <= 3 => "2-3",
        <= 7 => "4-7",
        <= 20 => "8-20",
        _ => ">20",
    };

    private static IEnumerable<string> Shorten(IReadOnlyList<string> lines)
    {
        if (lines.Count <= 6)
        {
            return lines;
        }

        return lines.Take(2).Append($"… {lines.Count - 5} more …").Concat(lines.Skip(lines.Count - 3));
    }
}
