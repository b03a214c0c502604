using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using AlibabaEcsActivation.Signing;

namespace AlibabaEcsActivation.IntegrationTests.Support;

/// <summary>
/// A hand-built signed request, to probe the emulator with what the SDK never sends (GET, form
/// bodies, stale timestamps, missing parameters). Signed with the SDK's signer, which the official
/// vectors check independently of the emulator's verifier.
/// </summary>
internal sealed class RawRequest
{
    public const string SeededId = "4ECEEE12-56F1-4FBC-9AB1-890F1234****";

    public RawRequest(DateTimeOffset timestamp)
    {
        Parameters = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Action"] = "DisableActivation",
            ["Format"] = "JSON",
            ["Version"] = "2014-05-26",
            ["Timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["AccessKeyId"] = "testid",
            ["RegionId"] = "cn-hangzhou",
            ["ActivationId"] = SeededId,
        };
    }

    /// <summary>Set a value to null to leave the parameter out.</summary>
    public Dictionary<string, string?> Parameters { get; }

    public string Method { get; set; } = "POST";

    /// <summary>The verb signed; null signs <see cref="Method"/>.</summary>
    public string? SignAs { get; set; }

    public string Secret { get; set; } = "testsecret";

    /// <summary>Where the parameters travel: all in the query, all in a form body, or common ones in the query and business ones in the body.</summary>
    public Layout Layout { get; set; } = Layout.Query;

    public string? RetryAttemptsHeader { get; set; }

    public RawRequest With(string name, string? value)
    {
        Parameters[name] = value;
        return this;
    }

    public HttpRequestMessage Build()
    {
        var all = new RpcParameters();
        foreach (var (name, value) in Parameters)
        {
            all.SetIfPresent(name, value);
        }

        SignedRequest signed = RpcSigner.Sign(SignAs ?? Method, all, Secret);
        HttpRequestMessage request = Layout switch
        {
            Layout.Body => new HttpRequestMessage(new HttpMethod(Method), "http://127.0.0.1/") { Content = Form(signed.QueryString) },
            Layout.Split => SplitRequest(signed),
            _ => new HttpRequestMessage(new HttpMethod(Method), "http://127.0.0.1/?" + signed.QueryString),
        };
        if (RetryAttemptsHeader is not null)
        {
            request.Headers.TryAddWithoutValidation("x-acs-retry-attempts", RetryAttemptsHeader);
        }

        return request;
    }

    private HttpRequestMessage SplitRequest(SignedRequest signed)
    {
        var query = new StringBuilder();
        var body = new StringBuilder();
        foreach (string pair in signed.QueryString.Split('&'))
        {
            bool business = pair.StartsWith("ActivationId=", StringComparison.Ordinal) || pair.StartsWith("RegionId=", StringComparison.Ordinal);
            (business ? body : query).Append(pair).Append('&');
        }

        return new HttpRequestMessage(new HttpMethod(Method), "http://127.0.0.1/?" + query.ToString().TrimEnd('&'))
        {
            Content = Form(body.ToString().TrimEnd('&')),
        };
    }

    private static StringContent Form(string text) => new(text, Encoding.UTF8, "application/x-www-form-urlencoded");
}

public enum Layout
{
    Query,
    Body,
    Split,
}
