using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// Alibaba Cloud RPC signature version 1.0 (HMAC-SHA1):
/// <c>METHOD &amp; %2F &amp; encode(sorted "name=value" pairs joined by &amp;)</c>, keyed with
/// <c>AccessKeySecret + "&amp;"</c>, Base64 of the MAC. Headers are not signed.
/// </summary>
internal static class RpcSigner
{
    public const string SignatureMethod = "HMAC-SHA1";
    public const string SignatureVersion = "1.0";

    /// <summary>Signs <paramref name="parameters"/> (which must not contain <c>Signature</c>) for <paramref name="httpMethod"/>.</summary>
    public static SignedRequest Sign(string httpMethod, RpcParameters parameters, string accessKeySecret)
    {
        var sorted = parameters.ToSortedArray();
        string stringToSign = BuildStringToSign(httpMethod, sorted);
        string signature = ComputeSignature(stringToSign, accessKeySecret);
        return new SignedRequest(stringToSign, signature, BuildQueryString(sorted, signature));
    }

    /// <summary>The string-to-sign for parameters already in ordinal order.</summary>
    public static string BuildStringToSign(string httpMethod, IReadOnlyList<KeyValuePair<string, string>> sortedParameters)
    {
        var builder = new StringBuilder(256 + (sortedParameters.Count * 48));
        builder.Append(httpMethod).Append("&%2F&");
        for (int i = 0; i < sortedParameters.Count; i++)
        {
            if (i > 0)
            {
                builder.Append("%26"); // '&' encoded once more
            }

            PercentEncoder.AppendTwice(builder, sortedParameters[i].Key);
            builder.Append("%3D"); // '=' encoded once more
            PercentEncoder.AppendTwice(builder, sortedParameters[i].Value);
        }

        return builder.ToString();
    }

    /// <summary>Base64(HMAC-SHA1(secret + "&amp;", UTF-8(stringToSign))).</summary>
    public static string ComputeSignature(string stringToSign, string accessKeySecret)
    {
        byte[] key = Encoding.UTF8.GetBytes(accessKeySecret + "&");
        byte[] data = Encoding.UTF8.GetBytes(stringToSign);
#pragma warning disable CA5350 // HMAC-SHA1 is what the RPC v1 protocol specifies; it is not our choice.
#if NET8_0_OR_GREATER
        byte[] mac = HMACSHA1.HashData(key, data);
#else
        byte[] mac;
        using (var hmac = new HMACSHA1(key))
        {
            mac = hmac.ComputeHash(data);
        }
#endif
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }

    private static string BuildQueryString(KeyValuePair<string, string>[] sorted, string signature)
    {
        var builder = new StringBuilder(256 + (sorted.Length * 40));
        foreach (var parameter in sorted)
        {
            PercentEncoder.Append(builder, parameter.Key);
            builder.Append('=');
            PercentEncoder.Append(builder, parameter.Value);
            builder.Append('&');
        }

        builder.Append("Signature=");
        PercentEncoder.Append(builder, signature);
        return builder.ToString();
    }
}
