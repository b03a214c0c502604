using System;
using System.Collections.Generic;
using System.Linq;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Testing.Authentication;
using AlibabaEcsActivation.Testing.Requests;
using AlibabaEcsActivation.Tests.Signing;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>
/// The SDK's V3 signer and the emulator's V3 verifier, written independently, agree on generated requests:
/// random business parameters (reserved chars, non-ASCII, surrogate pairs; lone surrogates in values),
/// random secrets, with or without an STS token. The emulator reads the query and the signed headers as it
/// reads any request and accepts the signature; and refuses it once the signature, a parameter or the
/// secret is changed. A failure prints the shrunk case (never its secret) and a seed to replay.
/// </summary>
public sealed class Acs3SignerVerifierPropertyTests(ITestOutputHelper output)
{
    private const int Iterations = 1_000;

    private static readonly Gen<Acs3Case> Cases =
        from parameters in Gen.Select(GeneratedText.Valid(1, 12), GeneratedText.Any(0, 24)).Array[0, 8]
        from secret in GeneratedText.Any(1, 40)
        from token in Gen.OneOf(Gen.Const((string?)null), GeneratedText.Valid(1, 20).Select(t => (string?)t.Trim()).Where(t => t!.Length > 0))
        from tamper in Gen.Int[0, 1_000_000]
        select new Acs3Case(parameters, secret, token, tamper);

    [Fact]
    public void Emulator_accepts_what_the_SDK_signs_with_v3_and_refuses_it_changed()
    {
        Cases.Sample(Check, output.WriteLine, iter: Iterations, print: c => c.ToString());
    }

    private static void Check(Acs3Case c)
    {
        var parameters = new RpcParameters();
        foreach (var (name, value) in c.Parameters)
        {
            parameters.Set(name, value);
        }

        var common = new CommonParameters("DisableActivation", "2014-05-26", "2025-03-14T09:26:53Z", "nonce", "testid", c.Token);
        SignedRequest signed = Acs3Signer.Sign("POST", parameters, common, c.Secret, "127.0.0.1:8080", "http://127.0.0.1:8080/", retryAttempts: null);
        string query = new Uri(signed.Url).GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        var received = FormDecoder.Decode(query).ToList();
        var headers = signed.Headers!.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value, StringComparer.Ordinal);
        Acs3Authorization authorization = Acs3Authorization.Parse(headers["authorization"]);
        var signedHeaders = authorization.SignedHeaders!.Select(h => new KeyValuePair<string, string>(h, headers[h])).ToList();

        Assert.True(Accepts(received, signedHeaders, authorization.Signature!, c.Secret), "The emulator's verifier refused the SDK's V3 signature.");

        int at = c.Tamper % authorization.Signature!.Length;
        string changed = authorization.Signature[..at] + (authorization.Signature[at] == 'a' ? 'b' : 'a') + authorization.Signature[(at + 1)..];
        Assert.False(Accepts(received, signedHeaders, changed, c.Secret), $"The verifier accepted the signature with its char {at} changed.");
        Assert.False(Accepts(received, signedHeaders, authorization.Signature, c.Secret + "x"), "The verifier accepted the signature under another secret.");
        if (received.Count > 0)
        {
            int index = c.Tamper % received.Count;
            var altered = received.Select((p, i) => i == index ? new KeyValuePair<string, string>(p.Key, p.Value + "x") : p).ToList();
            Assert.False(Accepts(altered, signedHeaders, authorization.Signature, c.Secret), $"The verifier accepted the request with {GeneratedText.Show(received[index].Key)} changed.");
        }
    }

    private static bool Accepts(IEnumerable<KeyValuePair<string, string>> query, IEnumerable<KeyValuePair<string, string>> signedHeaders, string signature, string secret)
    {
        string canonical = Acs3SignatureVerifier.BuildCanonicalRequest("POST", "/", query, signedHeaders, Acs3SignatureVerifier.HashPayload([]));
        return SignatureVerifier.Matches(Acs3SignatureVerifier.ComputeSignature(Acs3SignatureVerifier.BuildStringToSign(canonical), secret), signature);
    }

    /// <summary>One generated request. Its secret is test data, but a secret all the same: never printed.</summary>
    private sealed record Acs3Case((string Name, string Value)[] Parameters, string Secret, string? Token, int Tamper)
    {
        public override string ToString() =>
            $"{Parameters.Length} parameters [{string.Join(", ", Parameters.Select(p => GeneratedText.Show(p.Name) + "=" + GeneratedText.Show(p.Value)))}], "
            + $"a secret of {Secret.Length} chars (not shown), {(Token is null ? "no token" : "a token")}, tamper {Tamper}";
    }
}
