using System.Text.Json;
using AlibabaEcsActivation.Serialization;
using BenchmarkDotNet.Attributes;

namespace AlibabaEcsActivation.Benchmarks;

/// <summary>The documented DisableActivation body through the source-generated, tolerant reader.</summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    /// <summary>The Chinese page's sample: numbers and booleans as JSON numbers and booleans.</summary>
    [Benchmark(Baseline = true)]
    public DisableActivationResponse? NumbersAsNumbers() =>
        JsonSerializer.Deserialize(BenchmarkData.TypedBody, EcsJsonContext.Default.DisableActivationResponse);

    /// <summary>The English page's sample: numbers and booleans as strings.</summary>
    [Benchmark]
    public DisableActivationResponse? NumbersAsStrings() =>
        JsonSerializer.Deserialize(BenchmarkData.StringsBody, EcsJsonContext.Default.DisableActivationResponse);
}
