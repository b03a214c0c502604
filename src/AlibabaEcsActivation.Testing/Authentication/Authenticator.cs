using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlibabaEcsActivation.Testing.Requests;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Authentication;

/// <summary>
/// The gateway's checks, in order: common parameters present, <c>Version</c>, signature method and
/// version, <c>Timestamp</c> format and window, <c>AccessKeyId</c>, STS token, signature, and last
/// the nonce (recorded only for a correctly signed request, so a forged request cannot burn one).
/// Signature V3 requests go through the same checks on their headers, with the same error codes.
/// </summary>
internal sealed class Authenticator(EmulatorCredentials credentials, TimeProvider timeProvider, TimeSpan timestampWindow)
{
    public const string ApiVersion = "2014-05-26";

    private static readonly string[] RequiredParameters =
        ["AccessKeyId", "Action", "Signature", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp", "Version"];

    // Each V3 header and the v1 parameter it stands for, whose Missing<Parameter> code it shares.
    private static readonly (string Header, string Parameter)[] RequiredHeaders =
    [
        ("authorization", "Signature"), ("x-acs-action", "Action"), ("x-acs-content-sha256", "ContentSha256"),
        ("x-acs-date", "Timestamp"), ("x-acs-signature-nonce", "SignatureNonce"), ("x-acs-version", "Version"),
    ];

    // What a V3 signature must cover, so that no common value can be changed after signing.
    private static readonly string[] HeadersToSign =
        ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"];

    private readonly NonceRegistry _nonces = new(timestampWindow);

    /// <summary>
    /// Signature V3 (<c>ACS3-HMAC-SHA256</c>) when the request carries an <c>Authorization</c> or an
    /// <c>x-acs-signature-nonce</c> header; RPC v1 otherwise.
    /// </summary>
    public static bool IsAcs3(EmulatorRequest request) =>
        request.Header("authorization") is not null || request.Header("x-acs-signature-nonce") is not null;

    /// <summary>Checks an RPC v1 request; returns its AccessKeyId.</summary>
    /// <exception cref="ServiceError">The request is not authentic.</exception>
    public string Authenticate(string method, IReadOnlyDictionary<string, string> parameters)
    {
        foreach (string name in RequiredParameters)
        {
            if (!parameters.TryGetValue(name, out string? value) || value.Length == 0)
            {
                throw ServiceError.Missing(name);
            }
        }

        if (parameters["Version"] != ApiVersion)
        {
            throw ServiceError.InvalidVersion();
        }

        if (parameters["SignatureMethod"] != "HMAC-SHA1")
        {
            throw ServiceError.InvalidSignatureMethod();
        }

        if (parameters["SignatureVersion"] != "1.0")
        {
            throw ServiceError.InvalidSignatureVersion();
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        CheckTimestamp(parameters["Timestamp"], now);
        EmulatorCredential credential = credentials.Find(parameters["AccessKeyId"]) ?? throw ServiceError.AccessKeyNotFound();
        CheckSecurityToken(credential, parameters.TryGetValue("SecurityToken", out string? token) ? token : null, now);

        string stringToSign = SignatureVerifier.BuildStringToSign(method, parameters);
        string expected = SignatureVerifier.ComputeSignature(stringToSign, credential.AccessKeySecret);
        if (!SignatureVerifier.Matches(expected, parameters["Signature"]))
        {
            throw ServiceError.SignatureDoesNotMatch(stringToSign);
        }

        if (!_nonces.TryUse(parameters["SignatureNonce"], now))
        {
            throw ServiceError.NonceUsed();
        }

        return credential.AccessKeyId;
    }

    /// <summary>Checks a signature V3 request, in the order and with the codes of <see cref="Authenticate"/>; returns its AccessKeyId.</summary>
    /// <exception cref="ServiceError">The request is not authentic.</exception>
    public string AuthenticateAcs3(EmulatorRequest request)
    {
        foreach (var (header, parameter) in RequiredHeaders)
        {
            if (string.IsNullOrEmpty(request.Header(header)))
            {
                throw ServiceError.MissingHeader(header, parameter);
            }
        }

        Acs3Authorization authorization = Acs3Authorization.Parse(request.Header("authorization")!);
        if (authorization.Algorithm != Acs3Authorization.Acs3Algorithm)
        {
            throw ServiceError.InvalidSignatureMethod();
        }

        if (!authorization.IsComplete)
        {
            throw ServiceError.IncompleteSignature("The Authorization header needs Credential, SignedHeaders and Signature.");
        }

        if (request.Header("x-acs-version") != ApiVersion)
        {
            throw ServiceError.InvalidVersion();
        }

        string? token = request.Header("x-acs-security-token");
        foreach (string name in token is null ? HeadersToSign : HeadersToSign.Append("x-acs-security-token"))
        {
            if (!authorization.SignedHeaders!.Contains(name, StringComparer.Ordinal))
            {
                throw ServiceError.IncompleteSignature($"The header {name} must be signed.");
            }
        }

        var signedHeaders = new List<KeyValuePair<string, string>>();
        foreach (string name in authorization.SignedHeaders!)
        {
            string value = request.Header(name) ?? throw ServiceError.IncompleteSignature($"The signed header {name} is not in the request.");
            signedHeaders.Add(new KeyValuePair<string, string>(name, value));
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        CheckTimestamp(request.Header("x-acs-date")!, now);
        EmulatorCredential credential = credentials.Find(authorization.Credential!) ?? throw ServiceError.AccessKeyNotFound();
        CheckSecurityToken(credential, token, now);

        // The hash of the body as received, not as declared: a body changed after signing fails like a changed v1 parameter.
        string payloadHash = Acs3SignatureVerifier.HashPayload(request.Body);
        string canonicalRequest = Acs3SignatureVerifier.BuildCanonicalRequest(request.Method, request.Path, FormDecoder.Decode(request.Query), signedHeaders, payloadHash);
        string stringToSign = Acs3SignatureVerifier.BuildStringToSign(canonicalRequest);
        string expected = Acs3SignatureVerifier.ComputeSignature(stringToSign, credential.AccessKeySecret);
        if (request.Header("x-acs-content-sha256") != payloadHash || !SignatureVerifier.Matches(expected, authorization.Signature!))
        {
            throw ServiceError.SignatureDoesNotMatch(stringToSign);
        }

        if (!_nonces.TryUse(request.Header("x-acs-signature-nonce")!, now))
        {
            throw ServiceError.NonceUsed();
        }

        return credential.AccessKeyId;
    }

    private void CheckTimestamp(string text, DateTimeOffset now)
    {
        // The documented form only: yyyy-MM-ddTHH:mm:ssZ, UTC, no fraction.
        if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset timestamp))
        {
            throw ServiceError.TimestampFormat();
        }

        if ((now - timestamp).Duration() > timestampWindow)
        {
            throw ServiceError.TimestampExpired();
        }
    }

    private static void CheckSecurityToken(EmulatorCredential credential, string? token, DateTimeOffset now)
    {
        if (!credential.IsSts)
        {
            if (token is not null)
            {
                throw ServiceError.SecurityTokenMismatch(); // a permanent key has no token
            }

            return;
        }

        if (string.IsNullOrEmpty(token))
        {
            throw ServiceError.SecurityTokenMalformed();
        }

        if (token != credential.SecurityToken)
        {
            throw ServiceError.SecurityTokenMismatch();
        }

        if (credential.Expiration is { } expiration && now >= expiration)
        {
            throw ServiceError.SecurityTokenExpired();
        }
    }
}
