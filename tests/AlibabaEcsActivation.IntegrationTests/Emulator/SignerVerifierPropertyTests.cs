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
/// The SDK's signer and the emulator's verifier, written independently, agree on generated requests:
/// random parameter names and values (reserved chars, non-ASCII, surrogate pairs; lone surrogates in
/// values), random secrets, GET or POST. The emulator decodes the SDK's query as it decodes any request,
/// gets back what was sent, and accepts the signature; and it refuses the same request once the
/// signature, a parameter, the secret or the method is changed. A failure prints the shrunk case
/// (never its secret, which it shows by length only) and a seed; set <c>CsCheck_Seed</c> to it to replay.
/// </summary>
/// <remarks>
/// Names hold no lone surrogates: the signer sorts the names as given and the service the names it
/// decoded, and with a lone surrogate (decoded as U+FFFD) the two orders can differ, or two names can
/// decode to one. Real parameter names are ASCII; values, which may be any text, do get lone surrogates.
/// </remarks>
public sealed class SignerVerifierPropertyTests(ITestOutputHelper output)
{
    private const int Iterations = 2_000;

    private static readonly Gen<SigningCase> Cases =
        from method in Gen.OneOfConst("GET", "POST")
        from parameters in Gen.Select(GeneratedText.Valid(0, 12).Where(name => name != "Signature"), GeneratedText.Any(0, 24)).Array[0, 8]
        from secret in GeneratedText.Any(1, 40)
        from tamper in Gen.Int[0, 1_000_000]
        select new SigningCase(method, parameters, secret, tamper);

    [Fact]
    public void Emulator_accepts_what_the_SDK_signs_and_refuses_it_changed()
    {
        Cases.Sample(Check, output.WriteLine, iter: Iterations, print: c => c.ToString());
    }

    private static void Check(SigningCase c)
    {
        var parameters = new RpcParameters();
        foreach (var (name, value) in c.Parameters)
        {
            parameters.Set(name, value);
        }

        SignedRequest signed = RpcSigner.Sign(c.Method, parameters, c.Secret);
        Dictionary<string, string> received = Receive(signed.QueryString);

        Assert.True(received.Remove("Signature", out string? signature), "The signed query has no Signature parameter.");
        Assert.Equal(
            parameters.Items.Select(p => KeyValuePair.Create(p.Key, GeneratedText.WithLoneSurrogatesReplaced(p.Value))).OrderBy(p => p.Key, StringComparer.Ordinal),
            received.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.True(Accepts(c.Method, received, signature, c.Secret), "The emulator's verifier refused the SDK's signature.");

        // Each change alone must make the verifier refuse; the messages say what changed, never the signature or secret.
        int at = c.Tamper % signature.Length;
        string changedSignature = signature[..at] + (signature[at] == 'A' ? 'B' : 'A') + signature[(at + 1)..];
        Assert.False(Accepts(c.Method, received, changedSignature, c.Secret), $"The verifier accepted the signature with its char {at} changed.");
        Assert.False(Accepts(c.Method, received, signature, c.Secret + "x"), "The verifier accepted the signature under another secret.");
        Assert.False(Accepts(c.Method == "GET" ? "POST" : "GET", received, signature, c.Secret), "The verifier accepted the signature for the other HTTP method.");
        Assert.False(Accepts(c.Method, With(received, UnusedName(received), string.Empty), signature, c.Secret), "The verifier accepted the request with a parameter added.");
        if (received.Count > 0)
        {
            string name = received.Keys.Order(StringComparer.Ordinal).ElementAt(c.Tamper % received.Count);
            Assert.False(Accepts(c.Method, With(received, name, received[name] + "x"), signature, c.Secret), $"The verifier accepted the request with {GeneratedText.Show(name)} changed.");
            var removed = new Dictionary<string, string>(received, StringComparer.Ordinal);
            removed.Remove(name);
            Assert.False(Accepts(c.Method, removed, signature, c.Secret), $"The verifier accepted the request without {GeneratedText.Show(name)}.");
        }
    }

    /// <summary>The parameters as the emulator reads a query: decoded, the first occurrence of a name winning.</summary>
    private static Dictionary<string, string> Receive(string query)
    {
        var received = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in FormDecoder.Decode(query))
        {
            received.TryAdd(name, value);
        }

        return received;
    }

    private static bool Accepts(string method, IReadOnlyDictionary<string, string> parameters, string signature, string secret) =>
        SignatureVerifier.Matches(SignatureVerifier.ComputeSignature(SignatureVerifier.BuildStringToSign(method, parameters), secret), signature);

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> parameters, string name, string value) =>
        new(parameters, StringComparer.Ordinal) { [name] = value };

    private static string UnusedName(IReadOnlyDictionary<string, string> parameters)
    {
        string name = "Added";
        while (parameters.ContainsKey(name))
        {
            name += "_";
        }

        return name;
    }

    /// <summary>One generated request. Its secret is test data, but a secret all the same: never printed.</summary>
    private sealed record SigningCase(string Method, (string Name, string Value)[] Parameters, string Secret, int Tamper)
    {
        public override string ToString() =>
            $"{Method} with {Parameters.Length} parameters [{string.Join(", ", Parameters.Select(p => GeneratedText.Show(p.Name) + "=" + GeneratedText.Show(p.Value)))}], "
            + $"a secret of {Secret.Length} chars (not shown), tamper {Tamper}";
    }
}
