using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.Benchmarks.Server;
using AlibabaEcsActivation.Serialization;

namespace AlibabaEcsActivation.Benchmarks.Quick;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/AlibabaEcsActivation.Benchmarks -- quick</c>:
/// every figure as <c>name: value unit (ratio vs baseline)</c>, in well under a minute.
/// </summary>
internal static class QuickRunner
{
    private const int SignOps = 20_000;
    private const int ParseOps = 20_000;
    // Many short rounds rather than a few long ones: each ratio compares two neighbouring rounds (see Measure).
    private const int EndToEndRounds = 41;
    // The floor and obligations sides against raw explain the SDK's figures rather than judge them: fewer
    // rounds keep the run near a minute. The SDK against the obligations side is a target: it gets the full count.
    private const int ReferenceRounds = 31;
    private const int SequentialCalls = 500;
    private const int ConcurrentCalls = 3_200;
    // Tiered compilation took 6 to 12 s to finish the end-to-end sides here; past this, measure anyway, to stay under a minute.
    private static readonly TimeSpan MaxJitWarmUp = TimeSpan.FromSeconds(10);
    // Once the JIT is done, each pair only needs its connections and caches warm.
    private static readonly TimeSpan PairWarmUp = TimeSpan.FromSeconds(0.5);

    private const string FloorComparison =
        "raw HttpClient plus only the platform HMAC-SHA1 and parsing the body, vs raw HttpClient: about the best a client that signs and parses can reach here";

    private const string ObligationsComparison =
        "a plainly written conforming client: a fresh timestamp, nonce and one-shot HMAC-SHA1 per call, the three headers, an attempt deadline, a parse; none of the SDK's code, vs raw HttpClient";

    private const string VersusObligations =
        "the SDK vs the plainly written conforming client, paired rounds; target >= 0.95";

    private const string VersusItself =
        "a second instance of the plainly written conforming client vs the first, paired as the line below: how far from 1 noise alone moves that ratio in this run";

    /// <param name="signingOnly">Only the signing figures (<c>quick signing</c>), in a few seconds.</param>
    public static async Task<int> RunAsync(bool signingOnly = false)
    {
        Console.WriteLine($"# quick mode: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Measure.Rounds} alternating rounds for signing and parsing, {EndToEndRounds} for end to end ({ReferenceRounds} for the floor and obligations against raw), medians");
        MeasureSigning();
        MeasureSigningV3();
        if (signingOnly)
        {
            return 0;
        }

        MeasureParsing();
        await MeasureEndToEndAsync();
        return 0;
    }

    private static void MeasureSigning()
    {
        byte[] mac = new byte[20];
#pragma warning disable CA5350 // RPC v1 is HMAC-SHA1 by specification.
        var (hmac, sign) = Measure.Pair(
            () => HMACSHA1.HashData(BenchmarkData.HmacKey, BenchmarkData.StringToSignBytes, mac),
            () => BenchmarkData.Sign(BenchmarkData.EndpointUrl),
            SignOps,
            TimeSpan.FromSeconds(1));
#pragma warning restore CA5350
        double ratio = sign.NanosecondsPerOp / hmac.NanosecondsPerOp;
        Print("hmac_ns", hmac.NanosecondsPerOp, "ns", "baseline: bare HMAC-SHA1 over the same string-to-sign");
        Print("sign_ns", sign.NanosecondsPerOp, "ns", $"{Fmt(ratio)}x bare HMAC-SHA1; target <= 2x: {Verdict(ratio <= 2)}");
        Print("sign_alloc_bytes", sign.BytesPerOp, "B", $"bare HMAC-SHA1 {Fmt(hmac.BytesPerOp)} B; target <= 1024 B: {Verdict(sign.BytesPerOp <= 1024)}");
    }

    /// <summary>Signature V3 against its own floor (bare SHA-256 and HMAC-SHA256 over the same bytes), and against v1's signing, each pair interleaved.</summary>
    private static void MeasureSigningV3()
    {
        byte[] hash = new byte[32];
        byte[] mac = new byte[32];
        var (bare, sign) = Measure.Pair(
            () =>
            {
                SHA256.HashData(BenchmarkData.CanonicalRequestBytes, hash);
                HMACSHA256.HashData(BenchmarkData.V3HmacKey, BenchmarkData.V3StringToSignBytes, mac);
            },
            () => BenchmarkData.SignV3(BenchmarkData.EndpointUrl),
            SignOps,
            TimeSpan.FromSeconds(1));
        double ratio = sign.NanosecondsPerOp / bare.NanosecondsPerOp;
        Print("sha256_hmac_ns", bare.NanosecondsPerOp, "ns", "baseline: bare SHA-256 of the canonical request plus HMAC-SHA256 of the string-to-sign");
        Print("sign_v3_ns", sign.NanosecondsPerOp, "ns", $"{Fmt(ratio)}x bare SHA-256 plus HMAC-SHA256; target <= 2x: {Verdict(ratio <= 2)}");
        Print("sign_v3_alloc_bytes", sign.BytesPerOp, "B", $"bare primitives {Fmt(bare.BytesPerOp)} B; target <= 1024 B: {Verdict(sign.BytesPerOp <= 1024)}");

        var (v1, v3) = Measure.Pair(
            () => BenchmarkData.Sign(BenchmarkData.EndpointUrl),
            () => BenchmarkData.SignV3(BenchmarkData.EndpointUrl),
            SignOps,
            TimeSpan.FromSeconds(0.5));
        Print("sign_v3_vs_v1", v3.NanosecondsPerOp / v1.NanosecondsPerOp, "x", $"V3 {Fmt(v3.NanosecondsPerOp)} ns vs v1 {Fmt(v1.NanosecondsPerOp)} ns in the same rounds");
    }

    private static void MeasureParsing()
    {
        var info = EcsJsonContext.Default.DisableActivationResponse;
        var (numbers, strings) = Measure.Pair(
            () => JsonSerializer.Deserialize(BenchmarkData.TypedBody, info),
            () => JsonSerializer.Deserialize(BenchmarkData.StringsBody, info),
            ParseOps,
            TimeSpan.FromSeconds(0.5));
        Print("parse_numbers_ns", numbers.NanosecondsPerOp, "ns", "baseline: documented body, numbers as numbers");
        Print("parse_strings_ns", strings.NanosecondsPerOp, "ns", $"{Fmt(strings.NanosecondsPerOp / numbers.NanosecondsPerOp)}x numbers as numbers");
        Print("parse_alloc_bytes", numbers.BytesPerOp, "B", $"numbers as strings: {Fmt(strings.BytesPerOp)} B");
    }

    private static async Task MeasureEndToEndAsync()
    {
        using ServerProcess server = ServerProcess.Start();
        using var scenario = new EndToEndScenario(server.Url);
        using var twin = new EndToEndScenario(server.Url);

        Func<Task> raw = scenario.RawCallAsync;
        Func<Task>[] sides = [raw, scenario.ClientCallAsync, scenario.FloorCallAsync, scenario.ObligationsCallAsync, twin.ObligationsCallAsync];
        TimeSpan warmUp = await JitWarmUp.RunAsync(() => RunEverySideAsync(sides), TimeSpan.FromSeconds(2), MaxJitWarmUp);
        Print("e2e_warmup_s", warmUp.TotalSeconds, "s", $"every side run until the JIT compiled nothing new for {JitWarmUp.Quiet.TotalSeconds:0} s, at most {MaxJitWarmUp.TotalSeconds:0} s");

        var (rawSeq, sdkSeq, seqRatio) = await SequentialAsync(raw, scenario.ClientCallAsync, PairWarmUp);
        Print("e2e_sequential_us", sdkSeq.NanosecondsPerOp / 1000, "us/call", $"raw HttpClient {Fmt(rawSeq.NanosecondsPerOp / 1000)} us/call");
        Print("e2e_sequential_ratio", seqRatio, "x throughput", $"median of {EndToEndRounds} paired rounds vs raw HttpClient; target >= 0.9: {Verdict(seqRatio >= 0.9)}");
        PrintCpu("e2e_client_cpu_us_per_call", sdkSeq, rawSeq);
        await MeasureReferenceSidesAsync(scenario, "sequential", "e2e_", side => SequentialAsync(raw, side, PairWarmUp, ReferenceRounds));
        await MeasureAgainstObligationsAsync(scenario, twin, "sequential", (baseline, candidate) => SequentialAsync(baseline, candidate, PairWarmUp));

        var (rawCon, sdkCon, conRatio) = await ConcurrentAsync(raw, scenario.ClientCallAsync, PairWarmUp);
        Print("e2e_concurrent_calls_per_s", 1e9 / sdkCon.NanosecondsPerOp, "calls/s", $"{EndToEndBenchmarks.Callers} callers; raw HttpClient {Fmt(1e9 / rawCon.NanosecondsPerOp)} calls/s");
        Print("e2e_concurrent_ratio", conRatio, "x throughput", $"median of {EndToEndRounds} paired rounds vs raw HttpClient; target >= 0.9: {Verdict(conRatio >= 0.9)}");
        PrintCpu("e2e_concurrent_client_cpu_us_per_call", sdkCon, rawCon);
        await MeasureReferenceSidesAsync(scenario, "concurrent", "e2e_concurrent_", side => ConcurrentAsync(raw, side, PairWarmUp, ReferenceRounds));
        await MeasureAgainstObligationsAsync(scenario, twin, "concurrent", (baseline, candidate) => ConcurrentAsync(baseline, candidate, PairWarmUp));

        double allocRatio = sdkSeq.BytesPerOp / rawSeq.BytesPerOp;
        Print("e2e_alloc_bytes_per_call", sdkSeq.BytesPerOp, "B", $"{Fmt(allocRatio)}x raw HttpClient's {Fmt(rawSeq.BytesPerOp)} B; target <= 1.5x: {Verdict(allocRatio <= 1.5)}");
        Print("e2e_concurrent_alloc_bytes_per_call", sdkCon.BytesPerOp, "B", $"{Fmt(sdkCon.BytesPerOp / rawCon.BytesPerOp)}x raw HttpClient's {Fmt(rawCon.BytesPerOp)} B");
    }

    /// <summary>
    /// The floor and obligations sides, each measured against raw HttpClient by <paramref name="measure"/>:
    /// <c>e2e_{mode}_floor_ratio</c>, <c>{cpuPrefix}floor_client_cpu_us_per_call</c> and <c>e2e_{mode}_obligations_ratio</c>.
    /// </summary>
    private static async Task MeasureReferenceSidesAsync(
        EndToEndScenario scenario, string mode, string cpuPrefix, Func<Func<Task>, Task<(Sample Baseline, Sample Candidate, double ThroughputRatio)>> measure)
    {
        var (rawForFloor, floor, floorRatio) = await measure(scenario.FloorCallAsync);
        Print($"e2e_{mode}_floor_ratio", floorRatio, "x throughput", FloorComparison);
        PrintCpu($"{cpuPrefix}floor_client_cpu_us_per_call", floor, rawForFloor);
        var (_, obligations, obligationsRatio) = await measure(scenario.ObligationsCallAsync);
        Print($"e2e_{mode}_obligations_ratio", obligationsRatio, "x throughput", ObligationsComparison);
        Print($"e2e_{mode}_obligations_alloc_bytes_per_call", obligations.BytesPerOp, "B", "the plainly written conforming client");
    }

    /// <summary>
    /// The SDK against the obligations side directly: <c>e2e_{mode}_sdk_vs_obligations_ratio</c> and the SDK's bytes per call
    /// beside it; first the obligations side against its <paramref name="twin"/>'s, measured the same way, whose distance from 1 is
    /// what the run's noise alone does to such a ratio.
    /// </summary>
    private static async Task MeasureAgainstObligationsAsync(
        EndToEndScenario scenario, EndToEndScenario twin, string mode, Func<Func<Task>, Func<Task>, Task<(Sample Baseline, Sample Candidate, double ThroughputRatio)>> measure)
    {
        var (_, _, noise) = await measure(scenario.ObligationsCallAsync, twin.ObligationsCallAsync);
        Print($"e2e_{mode}_obligations_vs_itself_ratio", noise, "x throughput", VersusItself);
        var (obligations, sdk, ratio) = await measure(scenario.ObligationsCallAsync, scenario.ClientCallAsync);
        Print($"e2e_{mode}_sdk_vs_obligations_ratio", ratio, "x throughput", $"{VersusObligations}: {Verdict(ratio >= 0.95)}");
        Print($"e2e_{mode}_sdk_vs_obligations_alloc_bytes", sdk.BytesPerOp, "B", $"the obligations side {Fmt(obligations.BytesPerOp)} B in the same rounds; target <= it: {Verdict(sdk.BytesPerOp <= obligations.BytesPerOp)}");
    }

    /// <summary>A short stretch of every side, one caller and then all the concurrent ones: what the JIT must compile before any measuring.</summary>
    private static async Task RunEverySideAsync(Func<Task>[] sides)
    {
        foreach (Func<Task> side in sides)
        {
            await Repeat(side, 50);
            await EndToEndScenario.RunConcurrentAsync(side, EndToEndBenchmarks.Callers, 4 * EndToEndBenchmarks.Callers);
        }
    }

    /// <summary>One caller, one call after another; each side runs <see cref="SequentialCalls"/> per round.</summary>
    private static Task<(Sample Baseline, Sample Candidate, double ThroughputRatio)> SequentialAsync(Func<Task> baseline, Func<Task> candidate, TimeSpan warmUp, int rounds = EndToEndRounds) =>
        Measure.PairAsync(n => Repeat(baseline, n), n => Repeat(candidate, n), SequentialCalls, rounds, warmUp);

    /// <summary>The calls of each round spread over <see cref="EndToEndBenchmarks.Callers"/> concurrent loops.</summary>
    private static Task<(Sample Baseline, Sample Candidate, double ThroughputRatio)> ConcurrentAsync(Func<Task> baseline, Func<Task> candidate, TimeSpan warmUp, int rounds = EndToEndRounds) =>
        Measure.PairAsync(
            n => EndToEndScenario.RunConcurrentAsync(baseline, EndToEndBenchmarks.Callers, n),
            n => EndToEndScenario.RunConcurrentAsync(candidate, EndToEndBenchmarks.Callers, n),
            ConcurrentCalls,
            rounds,
            warmUp);

    private static async Task Repeat(Func<Task> call, int times)
    {
        for (int i = 0; i < times; i++)
        {
            await call();
        }
    }

    /// <summary>
    /// This process's CPU per call over all its threads (the server runs in another process). Where the client
    /// alone is the bottleneck, throughput goes as the inverse of it: the raw figure over this one is about the
    /// throughput ratio that a machine with the server on other cores would show.
    /// </summary>
    private static void PrintCpu(string name, Sample candidate, Sample raw) =>
        Print(name, candidate.CpuNanosecondsPerOp / 1000, "us", $"{Fmt(candidate.CpuNanosecondsPerOp / raw.CpuNanosecondsPerOp)}x raw HttpClient's {Fmt(raw.CpuNanosecondsPerOp / 1000)} us in the same rounds; this process only, the server does not count");

    private static void Print(string name, double value, string unit, string comparison) =>
        Console.WriteLine($"{name}: {Fmt(value)} {unit} ({comparison})");

    private static string Fmt(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
