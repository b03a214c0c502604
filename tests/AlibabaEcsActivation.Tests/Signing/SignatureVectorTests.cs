using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using AlibabaEcsActivation.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

/// <summary>Every vector computed by Alibaba's own signer (shared/spec/signature-vectors.json) must match to the byte.</summary>
public class SignatureVectorTests
{
    public static IEnumerable<object[]> Vectors() =>
        LoadVectors().Select(v => new object[] { v.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Vectors))]
    public void String_to_sign_matches_official_signer(string name)
    {
        JsonElement vector = Find(name);
        var parameters = ToParameters(vector);

        string stringToSign = RpcSigner.Sign(vector.GetProperty("method").GetString()!, parameters, "any secret").StringToSign;

        Assert.Equal(vector.GetProperty("stringToSign").GetString(), stringToSign);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Signature_matches_official_signer(string name)
    {
        JsonElement vector = Find(name);

        SignedRequest signed = RpcSigner.Sign(vector.GetProperty("method").GetString()!, ToParameters(vector), vector.GetProperty("accessKeySecret").GetString()!);

        Assert.Equal(vector.GetProperty("signature").GetString(), signed.Signature);
    }

    [Fact]
    public void All_eighteen_vectors_are_loaded()
    {
        Assert.Equal(18, LoadVectors().Count);
    }

    internal static List<JsonElement> LoadVectors()
    {
        string path = Path.Combine(System.AppContext.BaseDirectory, "TestData", "signature-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static JsonElement Find(string name) => LoadVectors().Single(v => v.GetProperty("name").GetString() == name);

    private static RpcParameters ToParameters(JsonElement vector)
    {
        var parameters = new RpcParameters();
        foreach (var p in vector.GetProperty("params").EnumerateObject())
        {
            parameters.Set(p.Name, p.Value.GetString()!);
        }

        return parameters;
    }
}
