using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// The query both signatures send: the parameters in canonical order (ordinal on the raw names), written
/// as <c>name=value</c> pairs, each percent-encoded once, joined by <c>&amp;</c>.
/// </summary>
internal static class CanonicalQuery
{
    /// <summary>Puts the first <paramref name="count"/> <paramref name="items"/> in canonical order.</summary>
    public static void Sort(KeyValuePair<string, string>[] items, int count)
    {
#if NET8_0_OR_GREATER
        items.AsSpan(0, count).Sort(OrdinalKeyComparer.Comparison); // Array.Sort would make a delegate per call
#else
        Array.Sort(items, 0, count, OrdinalKeyComparer.Instance);
#endif
    }

    /// <summary>The most chars <see cref="Write"/> writes for these items (a separator each included).</summary>
    public static int MaxLength(KeyValuePair<string, string>[] items, int count)
    {
        int length = 0;
        for (int i = 0; i < count; i++)
        {
            length += 2 + PercentEncoder.MaxEncodedLength(items[i].Key.Length + items[i].Value.Length, twice: false);
        }

        return length;
    }

    /// <summary>Writes the first <paramref name="count"/> items at <paramref name="position"/>; returns the position after them.</summary>
    public static int Write(char[] destination, int position, KeyValuePair<string, string>[] items, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                destination[position++] = '&';
            }

            position = PercentEncoder.Write(destination, position, items[i].Key.AsSpan(), twice: false);
            destination[position++] = '=';
            position = PercentEncoder.Write(destination, position, items[i].Value.AsSpan(), twice: false);
        }

        return position;
    }
}
