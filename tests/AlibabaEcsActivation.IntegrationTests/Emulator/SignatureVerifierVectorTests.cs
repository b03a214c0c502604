using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using AlibabaEcsActivation.Testing.Authentication;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>The emulator's own verifier reproduces every vector computed by Alibaba's signer.</summary>
public class SignatureVerifierVectorTests
{
    public static IEnumerable<object[]> Vectors() => Load().Select(v => new object[] { v.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Vectors))]
    public void String_to_sign_matches_official_signer(string name)
    {
        JsonElement vector = Load().Single(v => v.GetProperty("name").GetString() == name);

        string stringToSign = SignatureVerifier.BuildStringToSign(vector.GetProperty("method").GetString()!, Parameters(vector));

        Assert.Equal(vector.GetProperty("stringToSign").GetString(), stringToSign);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Signature_matches_official_signer(string name)
    {
        JsonElement vector = Load().Single(v => v.GetProperty("name").GetString() == name);

        string signature = SignatureVerifier.ComputeSignature(vector.GetProperty("stringToSign").GetString()!, vector.GetProperty("accessKeySecret").GetString()!);

        Assert.Equal(vector.GetProperty("signature").GetString(), signature);
    }

    private static IEnumerable<KeyValuePair<string, string>> Parameters(JsonElement vector) =>
        vector.GetProperty("params").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();

    private static List<JsonElement> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "signature-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
