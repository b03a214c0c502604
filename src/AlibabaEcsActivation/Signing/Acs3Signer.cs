using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// Alibaba Cloud signature V3, <c>ACS3-HMAC-SHA256</c>, in the shape the official clients send an RPC
/// call: <c>POST /?&lt;business parameters&gt;</c> with an empty body, the common values in signed
/// headers (<c>host</c>, <c>x-acs-action</c>, <c>x-acs-version</c>, <c>x-acs-date</c>,
/// <c>x-acs-signature-nonce</c>, <c>x-acs-content-sha256</c>, <c>x-acs-security-token</c> for STS,
/// <c>x-acs-retry-attempts</c> on a retry), and
/// <c>Authorization: ACS3-HMAC-SHA256 Credential=&lt;AccessKeyId&gt;,SignedHeaders=&lt;names&gt;,Signature=&lt;hex&gt;</c>
/// where the signature is HMAC-SHA256, keyed with the secret, of the <see cref="Acs3CanonicalRequest"/>'s hash.
/// </summary>
/// <remarks>
/// The canonical request and its bytes live in pooled buffers that are wiped after use (they hold any
/// security token); a signature allocates the URL, the Authorization value and the header list.
/// </remarks>
internal static class Acs3Signer
{
    public const string Algorithm = EcsSignatureAlgorithm.Acs3HmacSha256;

    /// <summary>SHA-256 of an empty body: the payload hash of every call this client sends.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public const string AuthorizationHeader = "Authorization";
    public const string HostHeader = "host";
    public const string ActionHeader = "x-acs-action";
    public const string ContentSha256Header = "x-acs-content-sha256";
    public const string DateHeader = "x-acs-date";
    public const string RetryAttemptsHeader = "x-acs-retry-attempts";
    public const string SecurityTokenHeader = "x-acs-security-token";
    public const string NonceHeader = "x-acs-signature-nonce";
    public const string VersionHeader = "x-acs-version";

    private const string Path = "/";
    private const string StringToSignPrefix = Algorithm + "\n";
    private const int StringToSignLength = 17 + Acs3Hash.HexLength;
    private const string CredentialPart = Algorithm + " Credential=";
    private const string SignedHeadersPart = ",SignedHeaders=";
    private const string SignaturePart = ",Signature=";
    private const int MaxSignedHeaders = 8;

    /// <summary>
    /// Signs one attempt: the call's <paramref name="business"/> parameters go in the query, this attempt's
    /// <paramref name="common"/> values in signed headers. <see cref="SignedRequest.Headers"/> holds every
    /// header to send, <c>host</c> and <c>Authorization</c> included.
    /// </summary>
    /// <param name="httpMethod">The verb sent.</param>
    /// <param name="business">The call's parameters.</param>
    /// <param name="common">This attempt's action, version, date (as <c>Timestamp</c>), nonce and credentials.</param>
    /// <param name="accessKeySecret">The HMAC key.</param>
    /// <param name="host">The Host header the request is sent with.</param>
    /// <param name="urlPrefix">The endpoint URL before <c>?</c>.</param>
    /// <param name="retryAttempts">The <c>x-acs-retry-attempts</c> value on a retry, else null.</param>
    public static SignedRequest Sign(
        string httpMethod, RpcParameters business, in CommonParameters common, string accessKeySecret, string host, string urlPrefix, string? retryAttempts)
    {
        var itemPool = ArrayPool<KeyValuePair<string, string>>.Shared;
        KeyValuePair<string, string>[] query = itemPool.Rent(Math.Max(business.Count, 1));
        KeyValuePair<string, string>[] headers = itemPool.Rent(MaxSignedHeaders);
        char[]? url = null;
        int position = 0;
        try
        {
            int queryCount = business.Count;
            business.CopyTo(query);
            CanonicalQuery.Sort(query, queryCount);
            url = ArrayPool<char>.Shared.Rent(urlPrefix.Length + 1 + CanonicalQuery.MaxLength(query, queryCount));
            urlPrefix.CopyTo(0, url, 0, urlPrefix.Length);
            position = urlPrefix.Length;
            url[position++] = '?';
            int queryStart = position;
            position = CanonicalQuery.Write(url, position, query, queryCount);

            // In the canonical order (ordinal on the names), so no sort is needed.
            int headerCount = 0;
            headers[headerCount++] = new(HostHeader, host);
            headers[headerCount++] = new(ActionHeader, common.Action!);
            headers[headerCount++] = new(ContentSha256Header, EmptyPayloadHash);
            headers[headerCount++] = new(DateHeader, common.Timestamp!);
            if (retryAttempts is not null)
            {
                headers[headerCount++] = new(RetryAttemptsHeader, retryAttempts);
            }

            if (common.SecurityToken is not null)
            {
                headers[headerCount++] = new(SecurityTokenHeader, common.SecurityToken);
            }

            headers[headerCount++] = new(NonceHeader, common.SignatureNonce!);
            headers[headerCount++] = new(VersionHeader, common.Version!);

            Span<byte> stringToSign = stackalloc byte[StringToSignLength];
            DeriveStringToSign(httpMethod, Path, query, queryCount, headers, headerCount, EmptyPayloadHash, stringToSign);
            string authorization = Authorize(common.AccessKeyId!, headers, headerCount, stringToSign, accessKeySecret);

            var sent = new KeyValuePair<string, string>[headerCount + 1];
            Array.Copy(headers, sent, headerCount);
            sent[headerCount] = new(AuthorizationHeader, authorization);
            return new SignedRequest(httpMethod, new string(url, 0, position), queryStart, position, sent);
        }
        finally
        {
            itemPool.Return(query, clearArray: true);
            itemPool.Return(headers, clearArray: true);
            if (url is not null)
            {
                Array.Clear(url, 0, position);
                ArrayPool<char>.Shared.Return(url);
            }
        }
    }

    /// <summary>
    /// The whole derivation for any request, as the official <c>getAuthorization</c> does it: the headers
    /// signed are <c>host</c>, <c>content-type</c> and every <c>x-acs-*</c> one, names lower-cased.
    /// </summary>
    public static Acs3Signature Compute(
        string httpMethod, string path, IEnumerable<KeyValuePair<string, string>> query, IEnumerable<KeyValuePair<string, string>> headers,
        string payloadHash, string accessKeyId, string accessKeySecret)
    {
        KeyValuePair<string, string>[] sortedQuery = query.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        KeyValuePair<string, string>[] signed = headers
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value))
            .Where(h => IsSigned(h.Key))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToArray();
        var canonical = new char[Acs3CanonicalRequest.MaxLength(httpMethod, path, sortedQuery, sortedQuery.Length, signed, signed.Length, payloadHash)];
        int length = Acs3CanonicalRequest.Write(canonical, httpMethod, path, sortedQuery, sortedQuery.Length, signed, signed.Length, payloadHash);
        var stringToSign = new byte[StringToSignLength];
        DeriveStringToSign(httpMethod, path, sortedQuery, sortedQuery.Length, signed, signed.Length, payloadHash, stringToSign);
        return new Acs3Signature(
            new string(canonical, 0, length),
            Encoding.ASCII.GetString(stringToSign),
            Authorize(accessKeyId, signed, signed.Length, stringToSign, accessKeySecret));
    }

    /// <summary>Whether the official signer signs a header of this lower-case name.</summary>
    public static bool IsSigned(string name) =>
        name == HostHeader || name == "content-type" || name.StartsWith("x-acs-", StringComparison.Ordinal);

    /// <summary>Writes <c>ACS3-HMAC-SHA256\n</c> and the hex SHA-256 of the canonical request, as ASCII bytes.</summary>
    private static void DeriveStringToSign(
        string httpMethod, string path, KeyValuePair<string, string>[] query, int queryCount, KeyValuePair<string, string>[] headers, int headerCount,
        string payloadHash, Span<byte> stringToSign)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(Acs3CanonicalRequest.MaxLength(httpMethod, path, query, queryCount, headers, headerCount, payloadHash));
        byte[]? bytes = null;
        int length = 0;
        int byteCount = 0;
        try
        {
            length = Acs3CanonicalRequest.Write(chars, httpMethod, path, query, queryCount, headers, headerCount, payloadHash);
            bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
            byteCount = Encoding.UTF8.GetBytes(chars, 0, length, bytes, 0);
            Span<byte> hash = stackalloc byte[Acs3Hash.Length];
            Acs3Hash.Sha256(bytes, byteCount, hash);
            Span<char> hex = stackalloc char[Acs3Hash.HexLength];
            Acs3Hash.WriteHex(hash, hex);
            for (int i = 0; i < StringToSignPrefix.Length; i++)
            {
                stringToSign[i] = (byte)StringToSignPrefix[i];
            }

            for (int i = 0; i < hex.Length; i++)
            {
                stringToSign[StringToSignPrefix.Length + i] = (byte)hex[i];
            }
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

    /// <summary>The Authorization value: the algorithm, the AccessKeyId, the signed header names and the hex HMAC-SHA256 of the string-to-sign.</summary>
    private static string Authorize(string accessKeyId, KeyValuePair<string, string>[] headers, int headerCount, ReadOnlySpan<byte> stringToSign, string accessKeySecret)
    {
        Span<byte> mac = stackalloc byte[Acs3Hash.Length];
        Acs3Hash.HmacSha256(accessKeySecret, stringToSign, mac);
        int length = CredentialPart.Length + accessKeyId.Length + SignedHeadersPart.Length + SignaturePart.Length + Acs3Hash.HexLength;
        for (int i = 0; i < headerCount; i++)
        {
            length += headers[i].Key.Length + 1;
        }

        char[] chars = ArrayPool<char>.Shared.Rent(length);
        int position = Acs3CanonicalRequest.Append(chars, 0, CredentialPart);
        position = Acs3CanonicalRequest.Append(chars, position, accessKeyId);
        position = Acs3CanonicalRequest.Append(chars, position, SignedHeadersPart);
        position = Acs3CanonicalRequest.WriteSignedHeaders(chars, position, headers, headerCount);
        position = Acs3CanonicalRequest.Append(chars, position, SignaturePart);
        Acs3Hash.WriteHex(mac, chars.AsSpan(position));
        position += Acs3Hash.HexLength;
        string authorization = new(chars, 0, position);
        ArrayPool<char>.Shared.Return(chars);
        return authorization;
    }
}
