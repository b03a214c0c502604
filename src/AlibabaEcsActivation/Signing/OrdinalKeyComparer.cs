using System.Collections.Generic;

namespace AlibabaEcsActivation.Signing;

/// <summary>The signer's canonical order: ordinal on the raw (unencoded) parameter names.</summary>
internal sealed class OrdinalKeyComparer : IComparer<KeyValuePair<string, string>>
{
    public static readonly OrdinalKeyComparer Instance = new();

    /// <summary>The same order as a cached delegate, for span sorting.</summary>
    public static readonly System.Comparison<KeyValuePair<string, string>> Comparison = Instance.Compare;

    public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y) => string.CompareOrdinal(x.Key, y.Key);
}
