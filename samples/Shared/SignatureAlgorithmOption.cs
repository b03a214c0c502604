using System;
using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using AlibabaEcsActivation;

namespace SampleCommandLine;

/// <summary><c>--signature-algorithm</c>, the same in every sample that calls the API: RPC v1 by default, or signature V3.</summary>
internal static class SignatureAlgorithmOption
{
    public static Option<string> Create() => CommandLineConventions.Value<string>(
        "--signature-algorithm",
        "algorithm",
        $"how requests are signed: {EcsSignatureAlgorithm.HmacSha1} (RPC v1, the default) or {EcsSignatureAlgorithm.Acs3HmacSha256} (signature V3)",
        Parse,
        text => $"--signature-algorithm must be {EcsSignatureAlgorithm.HmacSha1} or {EcsSignatureAlgorithm.Acs3HmacSha256}, not '{text}'.");

    private static bool Parse(string text, [MaybeNullWhen(false)] out string value)
    {
        value = text.Equals(EcsSignatureAlgorithm.HmacSha1, StringComparison.OrdinalIgnoreCase) ? EcsSignatureAlgorithm.HmacSha1
            : text.Equals(EcsSignatureAlgorithm.Acs3HmacSha256, StringComparison.OrdinalIgnoreCase) ? EcsSignatureAlgorithm.Acs3HmacSha256
            : null;
        return value is not null;
    }
}
