using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using AlibabaEcsActivation.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

/// <summary>
/// Every signature V3 vector computed by Alibaba's own <c>getAuthorization</c>
/// (shared/spec/acs3-signature-vectors.json) must match to the byte, at every stage.
/// </summary>
public class Acs3SignatureVectorTests
{
    public static IEnumerable<object[]> Vectors() =>
        LoadVectors().Select(v => new object[] { v.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Canonical_request_matches_the_official_signer(string name)
    {
        Assert.Equal(Find(name).GetProperty("canonicalRequest").GetString(), Compute(Find(name)).CanonicalRequest);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void String_to_sign_matches_the_official_signer(string name)
    {
        Assert.Equal(Find(name).GetProperty("stringToSign").GetString(), Compute(Find(name)).StringToSign);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Authorization_matches_the_official_signer(string name)
    {
        Assert.Equal(Find(name).GetProperty("authorization").GetString(), Compute(Find(name)).Authorization);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Payload_hash_is_the_sha256_of_the_body(string name)
    {
        JsonElement vector = Find(name);

        Assert.Equal(vector.GetProperty("payloadSha256").GetString(), Acs3Hash.Sha256Hex(vector.GetProperty("body").GetString()!));
    }

    [Fact]
    public void All_thirteen_vectors_are_loaded()
    {
        Assert.Equal(13, LoadVectors().Count);
    }

    internal static List<JsonElement> LoadVectors()
    {
        string path = Path.Combine(System.AppContext.BaseDirectory, "TestData", "acs3-signature-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("vectors").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    internal static JsonElement Find(string name) => LoadVectors().Single(v => v.GetProperty("name").GetString() == name);

    internal static Dictionary<string, string> Strings(JsonElement vector, string property) =>
        vector.GetProperty(property).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static Acs3Signature Compute(JsonElement vector) => Acs3Signer.Compute(
        vector.GetProperty("method").GetString()!,
        vector.GetProperty("pathname").GetString()!,
        Strings(vector, "query"),
        Strings(vector, "headers"),
        vector.GetProperty("payloadSha256").GetString()!,
        vector.GetProperty("accessKeyId").GetString()!,
        vector.GetProperty("accessKeySecret").GetString()!);
}
