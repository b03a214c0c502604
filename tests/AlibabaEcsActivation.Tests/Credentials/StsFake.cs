using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using RichardSzalay.MockHttp;

namespace AlibabaEcsActivation.Tests.Credentials;

/// <summary>A fake STS endpoint that records each request's query and form body.</summary>
internal sealed class StsFake
{
    public StsFake(MockHttpMessageHandler http, string endpoint = "https://sts.aliyuncs.com/", HttpStatusCode status = HttpStatusCode.OK, string? answer = null)
    {
        http.When(HttpMethod.Post, endpoint).Respond(async request =>
        {
            var query = Decode(request.RequestUri!.Query.TrimStart('?'));
            var body = Decode(await request.Content!.ReadAsStringAsync());
            Requests.Add((query, body));
            return new HttpResponseMessage(status) { Content = new StringContent(answer ?? Answer(), Encoding.UTF8, "application/json") };
        });
    }

    public List<(Dictionary<string, string> Query, Dictionary<string, string> Body)> Requests { get; } = new();

    public (Dictionary<string, string> Query, Dictionary<string, string> Body) Last => Requests[^1];

    public static string Answer(string id = "STS.role", string? expiration = null) =>
        "{\"RequestId\":\"6894B13B-6D71-4EF5-88FA-F32781734A7F\",\"AssumedRoleUser\":{\"Arn\":\"acs:ram::1:role/r/s\"}," +
        $"\"Credentials\":{{\"AccessKeyId\":\"{id}\",\"AccessKeySecret\":\"{CredentialsTestBed.Secret}\",\"SecurityToken\":\"{CredentialsTestBed.Token}\"," +
        $"\"Expiration\":\"{expiration ?? CredentialsTestBed.ExpiresIn(TimeSpan.FromHours(1))}\"}}}}";

    /// <summary>
    /// The RPC v1 signature recomputed independently of the SDK's signer: every query and body
    /// parameter except Signature, ordinal sort, RFC 3986 encoding, <c>POST&amp;%2F&amp;…</c>, HMAC-SHA1 keyed with <c>secret&amp;</c>.
    /// </summary>
    public static string ExpectedSignature(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        string canonical = string.Join("&", parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        string stringToSign = method + "&" + Uri.EscapeDataString("/") + "&" + Uri.EscapeDataString(canonical);
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secret + "&"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static Dictionary<string, string> Decode(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => Uri.UnescapeDataString(kv.Length > 1 ? kv[1].Replace('+', ' ') : ""), StringComparer.Ordinal);
}
