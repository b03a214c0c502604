using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using AlibabaEcsActivation.Signing;

namespace AlibabaEcsActivation.IntegrationTests.Support;

/// <summary>
/// A hand-built signature V3 request, to probe the emulator with what the SDK never sends (a missing or
/// altered header, a body that is not what was hashed, a forged signature). Signed with the SDK's V3
/// signer, which the official vectors check independently of the emulator's verifier.
/// </summary>
internal sealed class Acs3RawRequest
{
    public const string SeededId = "4ECEEE12-56F1-4FBC-9AB1-890F1234****";

    public Acs3RawRequest(DateTimeOffset date)
    {
        Date = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    public string Date { get; set; }

    public string Nonce { get; set; } = Guid.NewGuid().ToString("N");

    public string AccessKeyId { get; set; } = "testid";

    public string Secret { get; set; } = "testsecret";

    public string? SecurityToken { get; set; }

    public string Action { get; set; } = "DisableActivation";

    public Dictionary<string, string> Query { get; } = new(StringComparer.Ordinal) { ["ActivationId"] = SeededId, ["RegionId"] = "cn-hangzhou" };

    /// <summary>Headers to change after signing: a null value removes the header.</summary>
    public Dictionary<string, string?> Altered { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A body sent although the signature hashed an empty one.</summary>
    public string? UnsignedBody { get; set; }

    public HttpRequestMessage Build()
    {
        var business = new RpcParameters();
        foreach (var (name, value) in Query)
        {
            business.Set(name, value);
        }

        var common = new CommonParameters(Action, "2014-05-26", Date, Nonce, AccessKeyId, SecurityToken);
        SignedRequest signed = Acs3Signer.Sign("POST", business, common, Secret, "127.0.0.1", "http://127.0.0.1/", retryAttempts: null);
        var request = new HttpRequestMessage(HttpMethod.Post, signed.Url);
        foreach (var (name, value) in signed.Headers!)
        {
            if (!Altered.ContainsKey(name))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        foreach (var (name, value) in Altered)
        {
            if (value is not null)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (UnsignedBody is not null)
        {
            request.Content = new StringContent(UnsignedBody, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        return request;
    }
}
