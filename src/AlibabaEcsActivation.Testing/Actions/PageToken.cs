using System;
using System.Text;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>
/// DescribeActivations' NextToken: opaque to clients, here the last ActivationId of the page in
/// standard Base64 (so it may hold <c>+</c>, <c>/</c> and <c>=</c>, which a client must percent-encode).
/// Paging resumes after that ID, so codes created or deleted between pages never shift the walk.
/// </summary>
internal static class PageToken
{
    private const string Marker = "after:";

    public static string Encode(string lastActivationId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Marker + lastActivationId));

    /// <summary>The ActivationId the page after the token starts after.</summary>
    /// <exception cref="ServiceError"><c>InvalidNextToken.Malformed</c>: not a token this emulator issued.</exception>
    public static string Decode(string token)
    {
        var bytes = new byte[token.Length];
        if (Convert.TryFromBase64String(token, bytes, out int written))
        {
            string text = Encoding.UTF8.GetString(bytes, 0, written);
            if (text.StartsWith(Marker, StringComparison.Ordinal))
            {
                return text[Marker.Length..];
            }
        }

        throw ServiceError.Malformed("NextToken", "NextToken must be a token returned by a previous DescribeActivations call.");
    }
}
