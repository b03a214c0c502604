using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// Alibaba Cloud RPC signature version 1.0 (HMAC-SHA1):
/// <c>METHOD &amp; %2F &amp; encode(sorted "name=value" pairs joined by &amp;)</c>, keyed with
/// <c>AccessKeySecret + "&amp;"</c>, Base64 of the MAC. Headers are not signed.
/// </summary>
/// <remarks>
/// Signing runs on every attempt, so the hot path works in pooled buffers and encodes each
/// parameter once: the query (<c>name=value&amp;...</c>, each part encoded once) is written first,
/// and the string-to-sign is that query encoded once more, which only turns <c>%</c>, <c>=</c> and
/// <c>&amp;</c> into <c>%25</c>, <c>%3D</c> and <c>%26</c> (everything else in it is unreserved).
/// It allocates the URL; nothing else (the MAC and its Base64 live on the stack).
/// </remarks>
internal static class RpcSigner
{
    public const string SignatureMethod = "HMAC-SHA1";
    public const string SignatureVersion = "1.0";

    private const int Base64MacLength = 28; // 20 bytes of HMAC-SHA1

    /// <summary>Signs <paramref name="parameters"/> (which must not contain <c>Signature</c>) for <paramref name="httpMethod"/>.</summary>
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
            int bound = (urlPrefix?.Length ?? 0) + 1 + "Signature=".Length + (3 * Base64MacLength);
            for (int i = 0; i < count; i++)
            {
                bound += 2 + PercentEncoder.MaxEncodedLength(items[i].Key.Length + items[i].Value.Length, twice: false);
            }

            url = ArrayPool<char>.Shared.Rent(bound);
            if (urlPrefix is not null)
            {
                position = WriteAscii(url, 0, urlPrefix);
                url[position++] = '?';
            }

            int queryStart = position;
            for (int i = 0; i < count; i++)
            {
                position = PercentEncoder.Write(url, position, items[i].Key, twice: false);
                url[position++] = '=';
                position = PercentEncoder.Write(url, position, items[i].Value, twice: false);
                url[position++] = '&';
            }

            int parametersEnd = count == 0 ? queryStart : position - 1; // without the last '&'
            Span<byte> mac = stackalloc byte[PerThreadHmac.MacLength];
            ComputeMac(httpMethod, url, queryStart, parametersEnd, accessKeySecret, mac);
            position = WriteAscii(url, position, "Signature=");
            position = WriteBase64Encoded(url, position, mac);
            return new SignedRequest(httpMethod, business, common, new string(url, 0, position), queryStart);
        }
        finally
        {
            // Drop the references and wipe the text: they include any security token.
            itemPool.Return(items, clearArray: true);
            if (url is not null)
            {
                Array.Clear(url, 0, position);
                ArrayPool<char>.Shared.Return(url);
            }
        }
    }

    /// <summary>Merges the parameters into <paramref name="items"/> in the signer's order; returns how many there are.</summary>
    internal static int Canonicalize(RpcParameters business, in CommonParameters common, KeyValuePair<string, string>[] items)
    {
        business.CopyTo(items);
        int count = common.CopyTo(items, business.Count);
#if NET8_0_OR_GREATER
        items.AsSpan(0, count).Sort(OrdinalKeyComparer.Comparison); // Array.Sort would allocate a delegate per call
#else
        Array.Sort(items, 0, count, OrdinalKeyComparer.Instance);
#endif
        return count;
    }

    /// <summary>The string-to-sign for parameters already in ordinal order (diagnostics and tests; signing derives it from the query instead).</summary>
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
        byte[] data = Encoding.UTF8.GetBytes(stringToSign);
        Span<byte> mac = stackalloc byte[PerThreadHmac.MacLength];
        PerThreadHmac.Compute(accessKeySecret, data, data.Length, mac);
        return Convert.ToBase64String(mac.ToArray());
    }

    /// <summary>Signs <c>METHOD&amp;%2F&amp;</c> followed by the query in <paramref name="query"/>[start..end) encoded once more.</summary>
    private static void ComputeMac(string httpMethod, char[] query, int start, int end, string accessKeySecret, Span<byte> mac)
    {
        int bound = httpMethod.Length + 5 + (3 * (end - start));
        char[] chars = ArrayPool<char>.Shared.Rent(bound);
        byte[] bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(bound));
        int length = 0;
        int byteCount = 0;
        try
        {
            length = WriteAscii(chars, 0, httpMethod);
            length = WriteAscii(chars, length, "&%2F&");
            length = EncodeQueryAgain(query, start, end, chars, length);
            byteCount = Encoding.UTF8.GetBytes(chars, 0, length, bytes, 0);
            PerThreadHmac.Compute(accessKeySecret, bytes, byteCount, mac);
        }
        finally
        {
            // The string-to-sign holds any security token: do not leave it lying in the shared pool.
            Array.Clear(chars, 0, length);
            Array.Clear(bytes, 0, byteCount);
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Percent-encodes an already encoded query: it holds only unreserved chars, <c>%</c> (of
    /// <c>%XX</c>) and the <c>=</c>/<c>&amp;</c> separators, so only those three change.
    /// </summary>
    private static int EncodeQueryAgain(char[] query, int start, int end, char[] destination, int position)
    {
        while (start < end)
        {
            int found = query.AsSpan(start, end - start).IndexOfAny('%', '=', '&');
            int run = found < 0 ? end - start : found;
            Array.Copy(query, start, destination, position, run);
            position += run;
            if (found < 0)
            {
                break;
            }

            start += run;
            destination[position++] = '%';
            switch (query[start])
            {
                case '%':
                    destination[position++] = '2';
                    destination[position++] = '5';
                    break;
                case '=':
                    destination[position++] = '3';
                    destination[position++] = 'D';
                    break;
                default:
                    destination[position++] = '2';
                    destination[position++] = '6';
                    break;
            }

            start++;
        }

        return position;
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

    private static int WriteAscii(char[] destination, int position, string text)
    {
        text.CopyTo(0, destination, position, text.Length);
        return position + text.Length;
    }
}
