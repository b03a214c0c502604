using System;
using System.Threading.Tasks;
using AlibabaEcsActivation.Benchmarks.Server;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AlibabaEcsActivation.Benchmarks;

/// <summary>
/// DisableActivationAsync over loopback against raw HttpClient posting a pre-signed request to the
/// same server. The server runs in another process, so allocations are the client side's only. The
/// <c>Floor</c> rows are the raw call plus only the HMAC and the parse that every client of this API needs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EndToEndBenchmarks
{
    public const int Callers = 64;
    public const int ConcurrentCalls = 256;

    private ServerProcess? _ownServer;
    private EndToEndScenario _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The BenchmarkDotNet host starts one server and passes its URL down; start one if run alone.
        string? url = Environment.GetEnvironmentVariable(ServerProcess.UrlVariable);
        if (string.IsNullOrEmpty(url))
        {
            _ownServer = ServerProcess.Start();
            url = _ownServer.Url;
        }

        _scenario = new EndToEndScenario(url);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scenario.Dispose();
        _ownServer?.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Sequential")]
    public Task<byte[]> RawHttpClient() => _scenario.RawCallAsync();

    [Benchmark, BenchmarkCategory("Sequential")]
    public Task<DisableActivationResponse> Floor() => _scenario.FloorCallAsync();

    [Benchmark, BenchmarkCategory("Sequential")]
    public Task<DisableActivationResponse> Sdk() => _scenario.ClientCallAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = ConcurrentCalls), BenchmarkCategory("Concurrent64")]
    public Task RawHttpClient_64Callers() => EndToEndScenario.RunConcurrentAsync(_scenario.RawCallAsync, Callers, ConcurrentCalls);

    [Benchmark(OperationsPerInvoke = ConcurrentCalls), BenchmarkCategory("Concurrent64")]
    public Task Floor_64Callers() => EndToEndScenario.RunConcurrentAsync(_scenario.FloorCallAsync, Callers, ConcurrentCalls);

    [Benchmark(OperationsPerInvoke = ConcurrentCalls), BenchmarkCategory("Concurrent64")]
    public Task Sdk_64Callers() => EndToEndScenario.RunConcurrentAsync(_scenario.ClientCallAsync, Callers, ConcurrentCalls);
}
