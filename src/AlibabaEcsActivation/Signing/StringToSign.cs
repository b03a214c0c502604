using System;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// The RPC v1 string-to-sign: <c>METHOD &amp; %2F &amp; encode(canonical query)</c>, where the canonical
/// query is the sorted <c>name=value</c> pairs, each part percent-encoded, joined by <c>&amp;</c>. The one
/// builder of it: the client's signer, STS and the <c>SignatureDoesNotMatch</c> diagnosis all use it.
/// </summary>
/// <remarks>
/// Encoding the canonical query once more only turns <c>%</c>, <c>=</c> and <c>&amp;</c> into <c>%25</c>,
/// <c>%3D</c> and <c>%26</c>: everything else in it is already unreserved.
/// </remarks>
internal static class StringToSign
{
    private const string Separator = "&%2F&";

    /// <summary>The most chars <see cref="Write"/> writes for a query of <paramref name="queryLength"/> chars.</summary>
    public static int MaxLength(string httpMethod, int queryLength) => httpMethod.Length + Separator.Length + (3 * queryLength);

    public static string Build(string httpMethod, ReadOnlySpan<char> canonicalQuery)
    {
        var chars = new char[MaxLength(httpMethod, canonicalQuery.Length)];
        return new string(chars, 0, Write(httpMethod, canonicalQuery, chars));
    }

    /// <summary>Writes the string-to-sign at the start of <paramref name="destination"/>; returns its length.</summary>
    public static int Write(string httpMethod, ReadOnlySpan<char> canonicalQuery, char[] destination)
    {
        httpMethod.CopyTo(0, destination, 0, httpMethod.Length);
        int position = httpMethod.Length;
        Separator.CopyTo(0, destination, position, Separator.Length);
        position += Separator.Length;
        while (!canonicalQuery.IsEmpty)
        {
            // Copy the run up to the next char to encode (most of the query) in one go.
            int found = canonicalQuery.IndexOfAny('%', '=', '&');
            int run = found < 0 ? canonicalQuery.Length : found;
            canonicalQuery.Slice(0, run).CopyTo(destination.AsSpan(position));
            position += run;
            if (found < 0)
            {
                break;
            }

            position = Append(destination, position, canonicalQuery[found] switch
            {
                '%' => "%25",
                '=' => "%3D",
                _ => "%26",
            });
            canonicalQuery = canonicalQuery.Slice(found + 1);
        }

        return position;
    }

    private static int Append(char[] destination, int position, string text)
    {
        text.CopyTo(0, destination, position, text.Length);
        return position + text.Length;
    }
}
