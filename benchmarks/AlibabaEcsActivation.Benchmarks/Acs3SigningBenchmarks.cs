using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace AlibabaEcsActivation.Benchmarks;

/// <summary>Signing one DisableActivation request with signature V3, against bare SHA-256 plus HMAC-SHA256 over the same bytes.</summary>
[MemoryDiagnoser]
public class Acs3SigningBenchmarks
{
    private readonly byte[] _hash = new byte[32];
    private readonly byte[] _mac = new byte[32];

    /// <summary>The floor: SHA-256 of the encoded canonical request and HMAC-SHA256 of the string-to-sign, into reused buffers.</summary>
    [Benchmark(Baseline = true)]
    public byte[] BareSha256AndHmacSha256()
    {
        SHA256.HashData(BenchmarkData.CanonicalRequestBytes, _hash);
        HMACSHA256.HashData(BenchmarkData.V3HmacKey, BenchmarkData.V3StringToSignBytes, _mac);
        return _mac;
    }

    /// <summary>Canonical order, the query, the canonical request, both hashes, the Authorization and the header list (what an attempt sends).</summary>
    [Benchmark]
    public string SignDisableActivationV3() => BenchmarkData.SignV3(BenchmarkData.EndpointUrl).Url;
}
