using System;
using System.Text.Json;

namespace AlibabaEcsActivation.Serialization;

/// <summary>
/// Property-name matching for the hand-written converters, with the context's rule: names match in
/// any case. The name is unescaped into a caller's stack buffer, so matching allocates nothing.
/// </summary>
internal static class JsonPropertyNames
{
    /// <summary>Room for the longest known name even if every character arrives as a 6-byte <c>\uXXXX</c> escape.</summary>
    public const int BufferLength = 128;

    /// <summary>
    /// Unescapes the current property name into <paramref name="buffer"/> and returns its length; 0 when
    /// it is too long to be one of ours (the caller then skips the value as unknown).
    /// </summary>
    public static int Read(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        long rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;

        if (rawLength > buffer.Length)
        {
            return 0;
        }

        try
        {
            // UTF-8 never unescapes to more UTF-16 chars than it has bytes, so this always fits.
            return reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            return 0; // not valid UTF-16 (a lone surrogate escape): no name of ours, skipped as unknown
        }
    }

    public static bool Is(ReadOnlySpan<char> name, string expected) => name.Equals(expected.AsSpan(), StringComparison.OrdinalIgnoreCase);
}
