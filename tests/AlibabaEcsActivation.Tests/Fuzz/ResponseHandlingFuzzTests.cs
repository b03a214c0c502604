using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>
/// Issue "Truthful under faults": a seeded fuzz of the client's response handling. Every public method
/// (the four actions, the paging walk, both bulk modes) runs against an in-process handler that answers
/// each attempt with a generated response, and every broken rule of the run is collected and reported,
/// grouped by kind, with a seed that replays it.
/// <list type="bullet">
/// <item><description><c>ECS_FUZZ_ITERATIONS</c>: the number of cases (default 20,000).</description></item>
/// <item><description><c>ECS_FUZZ_SEED</c>: the master seed the case seeds derive from (default 20250314).</description></item>
/// <item><description><c>ECS_FUZZ_CASE</c>: one case seed (or several, comma-separated) to replay alone, with its full trace.</description></item>
/// </list>
/// </summary>
public sealed class ResponseHandlingFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Public_methods_stay_truthful_whatever_the_service_answers()
    {
        FuzzSettings settings = FuzzSettings.FromEnvironment();
        Oracle.AlwaysFullText = settings.ReplaySeeds is not null;

        FuzzRunner run = await FuzzRunner.RunAsync(settings);

        string summary = run.Summary();
        output.WriteLine(summary);
        bool replay = settings.ReplaySeeds is not null;
        if (replay)
        {
            output.WriteLine(run.Traces());
        }

        List<string> gaps = replay || settings.Iterations < 5000 ? new List<string>() : CoverageGaps(run);
        if (run.Violations.Count > 0 || gaps.Count > 0)
        {
            string message = (gaps.Count > 0 ? "The generator did not exercise: " + string.Join("; ", gaps) + Environment.NewLine : string.Empty)
                + (run.Violations.Count > 0 ? run.Report() : string.Empty)
                + Environment.NewLine + summary
                + (replay ? Environment.NewLine + run.Traces() : string.Empty);
            Assert.Fail(message);
        }
    }

    [Fact]
    public async Task A_case_replays_the_same_from_its_seed()
    {
        // Cases with stalls or a cancelling caller depend on timing; every other case must be a pure function of its seed.
        var seeds = Enumerable.Range(0, 300).Select(i => FuzzSettings.CaseSeed(FuzzSettings.DefaultSeed, i)).ToList();
        int compared = 0;
        foreach (int seed in seeds)
        {
            CaseResult first = await FuzzCase.RunAsync(seed);
            if (first.World.Stalls || first.World.MayCancelCaller)
            {
                continue;
            }

            CaseResult second = await FuzzCase.RunAsync(seed);
            Assert.Equal(first.Method, second.Method);
            Assert.Equal(first.Outcome, second.Outcome);
            Assert.Equal(first.World.SortedTrace(), second.World.SortedTrace());
            Assert.Equal(first.Violations.Select(v => v.GroupKey).OrderBy(k => k, StringComparer.Ordinal), second.Violations.Select(v => v.GroupKey).OrderBy(k => k, StringComparer.Ordinal));
            compared++;
        }

        Assert.True(compared > 250, $"only {compared} cases compared");
    }

    [Fact]
    public void Case_seeds_derive_from_the_master_seed_and_differ()
    {
        var seeds = Enumerable.Range(0, 1000).Select(i => FuzzSettings.CaseSeed(FuzzSettings.DefaultSeed, i)).ToList();

        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.True(s >= 0));
        Assert.NotEqual(seeds, Enumerable.Range(0, 1000).Select(i => FuzzSettings.CaseSeed(FuzzSettings.DefaultSeed + 1, i)));
    }

    [Fact]
    public void Redaction_hides_every_piece_of_a_planted_secret()
    {
        string leaked = "before " + DocumentedBodies.ActivationCodeCanary.Substring(3, 12) + " middle " + DocumentedBodies.SecretCanary + " after";

        Assert.Equal(new[] { "the planted ActivationCode", "the planted AccessKeySecret" }, SecretScan.Find(leaked, Array.Empty<string>()));
        string redacted = SecretScan.Redact(leaked, Array.Empty<string>());
        Assert.Empty(SecretScan.Find(redacted, Array.Empty<string>()));
        Assert.Equal("before <redacted> middle <redacted> after", redacted);
    }

    /// <summary>What a default-sized run must have generated, so that a quiet run means something.</summary>
    private static List<string> CoverageGaps(FuzzRunner run)
    {
        var gaps = new List<string>();
        Dictionary<string, int> categories = run.Categories();
        string[] expected =
        {
            "valid", "doc-mutated", "doc-wrong-status", "error", "error-mutated", "bytes-mutated", "other-action", "random-bytes",
            "lone-surrogate", "deep-nesting", "huge-number", "truncated", "xml", "html", "empty-ish", "echo-token", "multi-megabyte",
            "delivery:Undeclared", "delivery:Trickle", "delivery:LyingLength", "delivery:ThrowMidBody", "delivery:ThrowBeforeHeaders",
            "delivery:StallMidBody", "delivery:StallBeforeHeaders", "odd headers",
        };
        gaps.AddRange(expected.Where(c => !categories.ContainsKey(c)).Select(c => "answers of kind " + c));
        foreach (FuzzMethod method in Enum.GetValues<FuzzMethod>())
        {
            if (!run.Cases.Any(c => c.Method == method && c.Outcome == "success"))
            {
                gaps.Add($"a successful {method} call");
            }
        }

        if (!run.Cases.Any(c => c.Method == FuzzMethod.Walk && c.Outcome == "success" && c.World.DescribeRequests >= 4))
        {
            gaps.Add("a walk that completed after four or more pages");
        }

        if (!run.Cases.Any(c => c.Method == FuzzMethod.BulkFilter && c.World.DisableRequests.Count >= 3))
        {
            gaps.Add("a filter-mode bulk disable that disabled three or more codes");
        }

        return gaps;
    }
}
