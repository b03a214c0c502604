using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// Alibaba Cloud RPC signature version 1.0 (HMAC-SHA1): the parameters in canonical order form the
/// query, the <see cref="StringToSign"/> is derived from it, and Base64 of its MAC is sent as
/// <c>Signature</c>, last. Headers are not signed.
/// </summary>
/// <remarks>
/// The query, the string-to-sign and its bytes live in pooled buffers that are wiped after use (they
/// hold any security token); on .NET 8 and later the URL is the only string a signature allocates.
/// </remarks>
internal static class RpcSigner
{
    public const string SignatureMethod = EcsSignatureAlgorithm.HmacSha1;
    public const string SignatureVersion = "1.0";

    private const string SignatureName = "Signature=";
    private const int Base64MacLength = 28; // 20 bytes of HMAC-SHA1

    /// <summary>Signs <paramref name="parameters"/> (which must not contain <c>Signature</c>); the URL is the bare query.</summary>
    public static SignedRequest Sign(string httpMethod, RpcParameters parameters, string accessKeySecret) =>
        Sign(httpMethod, parameters, default, accessKeySecret, urlPrefix: null);

    /// <summary>
    /// Signs the call's <paramref name="business"/> parameters plus this attempt's <paramref name="common"/>
    /// ones (which win on a name clash) and writes <paramref name="urlPrefix"/>, <c>?</c> and the query
    /// as <see cref="SignedRequest.Url"/>; without a prefix the URL is the bare query.
    /// </summary>
    public static SignedRequest Sign(string httpMethod, RpcParameters business, in CommonParameters common, string accessKeySecret, string? urlPrefix)
    {
        var itemPool = ArrayPool<KeyValuePair<string, string>>.Shared;
        KeyValuePair<string, string>[] items = itemPool.Rent(business.Count + CommonParameters.MaxCount);
        char[]? url = null;
        int position = 0;
        try
        {
            int count = Canonicalize(business, common, items);
            url = ArrayPool<char>.Shared.Rent((urlPrefix?.Length ?? 0) + 2 + SignatureName.Length + (3 * Base64MacLength) + CanonicalQuery.MaxLength(items, count));
            if (urlPrefix is not null)
            {
                urlPrefix.CopyTo(0, url, 0, urlPrefix.Length);
                position = urlPrefix.Length;
                url[position++] = '?';
            }

            int queryStart = position;
            position = CanonicalQuery.Write(url, position, items, count);
            int queryEnd = position;
            Span<byte> mac = stackalloc byte[RpcHmac.MacLength];
            ComputeMac(httpMethod, url.AsSpan(queryStart, queryEnd - queryStart), accessKeySecret, mac);
            if (count > 0)
            {
                url[position++] = '&';
            }

            SignatureName.CopyTo(0, url, position, SignatureName.Length);
            position = WriteBase64Encoded(url, position + SignatureName.Length, mac);
            return new SignedRequest(httpMethod, new string(url, 0, position), queryStart, queryEnd);
        }
        finally
        {
            itemPool.Return(items, clearArray: true);
            if (url is not null)
            {
                Array.Clear(url, 0, position);
                ArrayPool<char>.Shared.Return(url);
            }
        }
    }

    /// <summary>Merges the parameters into <paramref name="items"/> in canonical order (ordinal on the raw names); returns how many there are.</summary>
    private static int Canonicalize(RpcParameters business, in CommonParameters common, KeyValuePair<string, string>[] items)
    {
        business.CopyTo(items);
        int count = common.CopyTo(items, business.Count);
        CanonicalQuery.Sort(items, count);
        return count;
    }

    private static void ComputeMac(string httpMethod, ReadOnlySpan<char> canonicalQuery, string accessKeySecret, Span<byte> mac)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(StringToSign.MaxLength(httpMethod, canonicalQuery.Length));
        byte[]? bytes = null;
        int length = 0;
        int byteCount = 0;
        try
        {
            length = StringToSign.Write(httpMethod, canonicalQuery, chars);
            bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
            byteCount = Encoding.UTF8.GetBytes(chars, 0, length, bytes, 0);
            RpcHmac.Compute(accessKeySecret, bytes, byteCount, mac);
        }
        finally
        {
            Array.Clear(chars, 0, length);
            ArrayPool<char>.Shared.Return(chars);
            if (bytes is not null)
            {
                Array.Clear(bytes, 0, byteCount);
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    /// <summary>Writes the MAC as Base64, percent-encoded for the query (of its alphabet, <c>+</c>, <c>/</c> and <c>=</c> are reserved).</summary>
    private static int WriteBase64Encoded(char[] destination, int position, ReadOnlySpan<byte> mac)
    {
#if NET8_0_OR_GREATER
        Span<char> base64 = stackalloc char[Base64MacLength];
        Convert.TryToBase64Chars(mac, base64, out int written);
        return PercentEncoder.Write(destination, position, base64.Slice(0, written), twice: false);
#else
        return PercentEncoder.Write(destination, position, Convert.ToBase64String(mac.ToArray()).AsSpan(), twice: false);
#endif
    }
}
