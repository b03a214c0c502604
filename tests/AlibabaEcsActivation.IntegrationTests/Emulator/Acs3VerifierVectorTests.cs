using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing.Authentication;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>
/// The emulator's own V3 verifier reproduces every vector computed by Alibaba's <c>getAuthorization</c>, and
/// the emulator accepts each vector's request as the official client sends it (its default mode).
/// </summary>
public class Acs3VerifierVectorTests : HandlerEmulatorTest
{
    public static IEnumerable<object[]> Vectors() => Load().Select(v => new object[] { v.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Canonical_request_and_string_to_sign_match_the_official_signer(string name)
    {
        JsonElement vector = Find(name);
        var headers = Strings(vector, "headers");
        var authorization = Acs3Authorization.Parse(vector.GetProperty("authorization").GetString()!);

        string canonical = Acs3SignatureVerifier.BuildCanonicalRequest(
            vector.GetProperty("method").GetString()!,
            vector.GetProperty("pathname").GetString()!,
            Strings(vector, "query"),
            authorization.SignedHeaders!.Select(h => new KeyValuePair<string, string>(h, headers[h])),
            Acs3SignatureVerifier.HashPayload(Encoding.UTF8.GetBytes(vector.GetProperty("body").GetString()!)));

        Assert.Equal(vector.GetProperty("canonicalRequest").GetString(), canonical);
        Assert.Equal(vector.GetProperty("stringToSign").GetString(), Acs3SignatureVerifier.BuildStringToSign(canonical));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Signature_matches_the_official_signer(string name)
    {
        JsonElement vector = Find(name);

        string signature = Acs3SignatureVerifier.ComputeSignature(vector.GetProperty("stringToSign").GetString()!, vector.GetProperty("accessKeySecret").GetString()!);

        Assert.Equal(Acs3Authorization.Parse(vector.GetProperty("authorization").GetString()!).Signature, signature);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task The_emulator_authenticates_the_official_request(string name)
    {
        JsonElement vector = Find(name);
        string accessKeyId = vector.GetProperty("accessKeyId").GetString()!;
        string secret = vector.GetProperty("accessKeySecret").GetString()!;
        var headers = Strings(vector, "headers");
        Emulator.Credentials.Remove(accessKeyId);
        if (headers.TryGetValue("x-acs-security-token", out string? token))
        {
            Emulator.Credentials.AddStsToken(accessKeyId, secret, token);
        }
        else
        {
            Emulator.Credentials.AddAccessKey(accessKeyId, secret);
        }

        using HttpRequestMessage request = Build(vector, headers);
        using HttpResponseMessage response = await Http.SendAsync(request);

        // The action ran (whatever it answered, e.g. ActivationId.NotFound for an id never seeded): authentication passed.
        Assert.NotNull(Emulator.Requests.Snapshot().Single().ActionStatusCode);
        Assert.Equal("ACS3-HMAC-SHA256", Emulator.Requests.Snapshot().Single().SignatureAlgorithm);
    }

    private static HttpRequestMessage Build(JsonElement vector, Dictionary<string, string> headers)
    {
        string query = string.Join("&", Strings(vector, "query").Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var request = new HttpRequestMessage(HttpMethod.Post, $"http://{headers["host"]}/?{query}");
        foreach (var (name, value) in headers.Where(h => h.Key != "content-type"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", vector.GetProperty("authorization").GetString());
        string body = vector.GetProperty("body").GetString()!;
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", headers["content-type"]);
        }

        return request;
    }

    private static Dictionary<string, string> Strings(JsonElement vector, string property) =>
        vector.GetProperty(property).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static JsonElement Find(string name) => Load().Single(v => v.GetProperty("name").GetString() == name);

    private static List<JsonElement> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "acs3-signature-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("vectors").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
