using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// The signature V3 canonical request, six lines: the method, the path, the canonical query (parameters
/// sorted by raw name, <c>name=encode(value)</c>, names not encoded), the canonical headers (<c>name:value</c>
/// each on its own line, value trimmed), the signed header names joined by <c>;</c>, and the hex SHA-256 of
/// the body. Callers pass the query sorted (ordinal) and the headers sorted with lower-case names.
/// </summary>
internal static class Acs3CanonicalRequest
{
    /// <summary>The most chars <see cref="Write"/> writes for these inputs.</summary>
    public static int MaxLength(
        string httpMethod, string path, KeyValuePair<string, string>[] query, int queryCount, KeyValuePair<string, string>[] headers, int headerCount, string payloadHash)
    {
        int length = httpMethod.Length + path.Length + payloadHash.Length + 5;
        for (int i = 0; i < queryCount; i++)
        {
            length += query[i].Key.Length + PercentEncoder.MaxEncodedLength(query[i].Value.Length, twice: false) + 2;
        }

        for (int i = 0; i < headerCount; i++)
        {
            length += (2 * headers[i].Key.Length) + headers[i].Value.Length + 3;
        }

        return length;
    }

    /// <summary>Writes the canonical request at the start of <paramref name="destination"/>; returns its length.</summary>
    public static int Write(
        char[] destination, string httpMethod, string path, KeyValuePair<string, string>[] query, int queryCount, KeyValuePair<string, string>[] headers, int headerCount, string payloadHash)
    {
        int position = Append(destination, 0, httpMethod);
        destination[position++] = '\n';
        position = Append(destination, position, path);
        destination[position++] = '\n';
        for (int i = 0; i < queryCount; i++)
        {
            if (i > 0)
            {
                destination[position++] = '&';
            }

            position = Append(destination, position, query[i].Key);
            destination[position++] = '=';
            position = PercentEncoder.Write(destination, position, query[i].Value.AsSpan(), twice: false);
        }

        destination[position++] = '\n';
        for (int i = 0; i < headerCount; i++)
        {
            position = Append(destination, position, headers[i].Key);
            destination[position++] = ':';
            position = Append(destination, position, headers[i].Value.Trim());
            destination[position++] = '\n';
        }

        destination[position++] = '\n';
        position = WriteSignedHeaders(destination, position, headers, headerCount);
        destination[position++] = '\n';
        return Append(destination, position, payloadHash);
    }

    /// <summary>The header names joined by <c>;</c>: the canonical request's fifth line and the Authorization's <c>SignedHeaders</c>.</summary>
    public static int WriteSignedHeaders(char[] destination, int position, KeyValuePair<string, string>[] headers, int headerCount)
    {
        for (int i = 0; i < headerCount; i++)
        {
            if (i > 0)
            {
                destination[position++] = ';';
            }

            position = Append(destination, position, headers[i].Key);
        }

        return position;
    }

    /// <summary>Copies <paramref name="text"/> to <paramref name="destination"/> at <paramref name="position"/>; returns the position after it.</summary>
    public static int Append(char[] destination, int position, string text)
    {
        text.CopyTo(0, destination, position, text.Length);
        return position + text.Length;
    }
}
