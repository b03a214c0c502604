using System;
using System.Security.Cryptography;
using AlibabaEcsActivation.Signing;
using BenchmarkDotNet.Attributes;

namespace AlibabaEcsActivation.Benchmarks;

/// <summary>Building, encoding and signing one DisableActivation request, against bare HMAC-SHA1 over the same bytes.</summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private readonly byte[] _mac = new byte[20];

    /// <summary>The floor: HMAC-SHA1 over the already-encoded UTF-8 string-to-sign, into a reused buffer.</summary>
    [Benchmark(Baseline = true)]
    public byte[] BareHmacSha1()
    {
#pragma warning disable CA5350 // RPC v1 is HMAC-SHA1 by specification.
        HMACSHA1.HashData(BenchmarkData.HmacKey, BenchmarkData.StringToSignBytes, _mac);
#pragma warning restore CA5350
        return _mac;
    }

    /// <summary>Parameters, canonical order, double encoding, HMAC, Base64 and the request URL (what an attempt sends).</summary>
    [Benchmark]
    public string SignDisableActivation() => BenchmarkData.Sign(BenchmarkData.EndpointUrl).Url;
}
