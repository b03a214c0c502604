namespace AlibabaEcsActivation.Testing.Requests;

/// <summary>What either host received, before any interpretation.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The URL path, e.g. <c>/</c>.</param>
/// <param name="Query">The raw query string without the leading <c>?</c>; may be empty.</param>
/// <param name="FormBody">The raw body when it is <c>application/x-www-form-urlencoded</c>, else null.</param>
/// <param name="RetryAttemptsHeader">The <c>x-acs-retry-attempts</c> header, if sent.</param>
/// <param name="Host">The Host header, echoed as <c>HostId</c>.</param>
internal sealed record EmulatorRequest(string Method, string Path, string Query, string? FormBody, string? RetryAttemptsHeader, string? Host)
{
    /// <summary>Form bodies larger than this are refused: the real parameters are a few hundred bytes.</summary>
    public const int MaxFormBodyBytes = 1024 * 1024;

    public static bool IsFormContentType(string? mediaType) =>
        mediaType is not null && mediaType.Trim().Equals("application/x-www-form-urlencoded", System.StringComparison.OrdinalIgnoreCase);

    // The query holds the signature and maybe a security token.
    public override string ToString() => $"EmulatorRequest {{ {Method} {Path} }}";
}
