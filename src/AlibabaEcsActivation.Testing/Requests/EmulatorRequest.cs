using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Testing.Requests;

/// <summary>What either host received, before any interpretation.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The URL path, e.g. <c>/</c>.</param>
/// <param name="Query">The raw query string without the leading <c>?</c>; may be empty.</param>
/// <param name="FormBody">The raw body when it is <c>application/x-www-form-urlencoded</c>, else null.</param>
/// <param name="RetryAttemptsHeader">The <c>x-acs-retry-attempts</c> header, if sent.</param>
/// <param name="Host">The Host header, echoed as <c>HostId</c>.</param>
/// <param name="Headers">Every header by lower-case name (<c>host</c> included), values of a repeated header joined by <c>,</c>.</param>
/// <param name="Body">The raw body, empty when there is none: signature V3 signs its hash.</param>
internal sealed record EmulatorRequest(
    string Method, string Path, string Query, string? FormBody, string? RetryAttemptsHeader, string? Host, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>Form bodies larger than this are refused: the real parameters are a few hundred bytes.</summary>
    public const int MaxFormBodyBytes = 1024 * 1024;

    /// <summary>The header <paramref name="name"/> (lower-case), or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>A header map keyed by lower-case name, as <see cref="Headers"/> wants it.</summary>
    public static Dictionary<string, string> NewHeaders() => new(StringComparer.Ordinal);

    public static bool IsFormContentType(string? mediaType) =>
        mediaType is not null && mediaType.Trim().Equals("application/x-www-form-urlencoded", System.StringComparison.OrdinalIgnoreCase);

    // The query holds the signature and maybe a security token.
    public override string ToString() => $"EmulatorRequest {{ {Method} {Path} }}";
}
