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

    /// <summary>UTF-8 of the string-to-sign of <see cref="Sign"/>'s request: the baseline's input.</summary>
    public static readonly byte[] StringToSignBytes = Encoding.UTF8.GetBytes(Sign().StringToSign);

    /// <summary>
    /// What the invoker does per attempt, minus the clock and the random nonce: take the call's
    /// business parameters, stamp the common ones, encode, sign.
    /// </summary>
    public static SignedRequest Sign()
    {
        var business = new RpcParameters().Set("ActivationId", ActivationId).Set("RegionId", RegionId);
        var parameters = new RpcParameters();
        foreach (var item in business.Items)
        {
            parameters.Set(item.Key, item.Value);
        }

        parameters
            .Set("Action", Action)
            .Set("Format", "JSON")
            .Set("Version", RpcInvoker.ApiVersion)
            .Set("Timestamp", Timestamp)
            .Set("SignatureNonce", Nonce)
            .Set("SignatureMethod", RpcSigner.SignatureMethod)
            .Set("SignatureVersion", RpcSigner.SignatureVersion)
            .Set("AccessKeyId", AccessKeyId);
        return RpcSigner.Sign(RpcInvoker.HttpMethodName, parameters, AccessKeySecret);
    }

    /// <summary>The same handler settings for the SDK and the raw baseline, so only the code on top differs.</summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
