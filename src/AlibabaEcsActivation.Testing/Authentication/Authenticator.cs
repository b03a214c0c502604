using System;
using System.Collections.Generic;
using System.Globalization;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Authentication;

/// <summary>
/// The gateway's checks, in order: common parameters present, <c>Version</c>, signature method and
/// version, <c>Timestamp</c> format and window, <c>AccessKeyId</c>, STS token, signature, and last
/// the nonce (recorded only for a correctly signed request, so a forged request cannot burn one).
/// </summary>
internal sealed class Authenticator(EmulatorCredentials credentials, TimeProvider timeProvider, TimeSpan timestampWindow)
{
    public const string ApiVersion = "2014-05-26";

    private static readonly string[] RequiredParameters =
        ["AccessKeyId", "Action", "Signature", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp", "Version"];

    private readonly NonceRegistry _nonces = new(timestampWindow);

    /// <exception cref="ServiceError">The request is not authentic.</exception>
    public void Authenticate(string method, IReadOnlyDictionary<string, string> parameters)
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
