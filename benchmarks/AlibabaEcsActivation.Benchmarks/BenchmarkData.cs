using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Tests.Infrastructure;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation.Benchmarks;

/// <summary>Inputs every benchmark shares: fixed credentials, a fixed timestamp and nonce, the documented bodies.</summary>
internal static class BenchmarkData
{
    public const string AccessKeyId = "LTAI5tBenchKeyId0000";
    public const string AccessKeySecret = "BenchSecret+/=Value";
    public const string RegionId = "cn-hangzhou";
    public const string ActivationId = ApiResponses.DocActivationId;
    public const string Action = "DisableActivation";

    // Fixed so that the signer and the bare-HMAC baseline hash exactly the same string.
    public const string Timestamp = "2024-05-01T12:00:00Z";
    public const string Nonce = "0123456789abcdef0123456789abcdef";

    public static readonly byte[] TypedBody = Encoding.UTF8.GetBytes(ApiResponses.DisableSuccessTyped);
    public static readonly byte[] StringsBody = Encoding.UTF8.GetBytes(ApiResponses.DisableSuccessStrings);

    /// <summary>The HMAC key exactly as RPC v1 builds it: the secret followed by '&amp;'.</summary>
    public static readonly byte[] HmacKey = Encoding.UTF8.GetBytes(AccessKeySecret + "&");

    /// <summary>Where the signed requests go in the signing benchmarks (the real cn-hangzhou endpoint).</summary>
    public const string EndpointUrl = "https://ecs-cn-hangzhou.aliyuncs.com/";

    /// <summary>A call's business parameters, built once per call by the client (not per attempt).</summary>
    public static readonly RpcParameters Business = new RpcParameters().Set("ActivationId", ActivationId).Set("RegionId", RegionId);

    /// <summary>UTF-8 of the string-to-sign of <see cref="Sign"/>'s request: the baseline's input.</summary>
    public static readonly byte[] StringToSignBytes = Encoding.UTF8.GetBytes(Sign(EndpointUrl).StringToSign);

    /// <summary>
    /// What the invoker does per attempt, minus reading the clock and drawing the random nonce: stamp
    /// the common parameters, merge them with the business ones in canonical order, encode, sign,
    /// and write the request URL.
    /// </summary>
    public static SignedRequest Sign(string urlPrefix) =>
        RpcSigner.Sign(
            RpcInvoker.HttpMethodName,
            Business,
            new CommonParameters(Action, RpcInvoker.ApiVersion, Timestamp, Nonce, AccessKeyId, securityToken: null),
            AccessKeySecret,
            urlPrefix);

    /// <summary>The Host header of <see cref="EndpointUrl"/>, which signature V3 signs.</summary>
    public const string EndpointHost = "ecs-cn-hangzhou.aliyuncs.com";

    /// <summary>What the invoker does per attempt with signature V3, minus reading the clock and drawing the nonce.</summary>
    public static SignedRequest SignV3(string urlPrefix) =>
        Acs3Signer.Sign(
            RpcInvoker.HttpMethodName,
            Business,
            new CommonParameters(Action, RpcInvoker.ApiVersion, Timestamp, Nonce, AccessKeyId, securityToken: null),
            AccessKeySecret,
            EndpointHost,
            urlPrefix,
            retryAttempts: null);

    /// <summary>The V3 HMAC key: UTF-8 of the secret itself.</summary>
    public static readonly byte[] V3HmacKey = Encoding.UTF8.GetBytes(AccessKeySecret);

    /// <summary>UTF-8 of the canonical request of <see cref="SignV3"/>'s request: the V3 baseline's SHA-256 input.</summary>
    public static readonly byte[] CanonicalRequestBytes = Encoding.UTF8.GetBytes(V3Stages().CanonicalRequest);

    /// <summary>The V3 string-to-sign of that request: the V3 baseline's HMAC input.</summary>
    public static readonly byte[] V3StringToSignBytes = Encoding.UTF8.GetBytes(V3Stages().StringToSign);

    private static Acs3Signature V3Stages()
    {
        SignedRequest signed = SignV3(EndpointUrl);
        return Acs3Signer.Compute(
            RpcInvoker.HttpMethodName, "/", Business.Items, signed.Headers!, Acs3Signer.EmptyPayloadHash, AccessKeyId, AccessKeySecret);
    }

    /// <summary>The same handler settings for the SDK and the raw baseline, so only the code on top differs.</summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
