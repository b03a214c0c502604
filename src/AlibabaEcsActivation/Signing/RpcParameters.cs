using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// The parameters of one RPC request, before signing. Names are unique; adding a name twice
/// replaces its value (the official client adds <c>RegionId</c> twice with the same value).
/// </summary>
internal sealed class RpcParameters
{
    // Room for DisableActivation's two and a few more without growing; larger calls grow as needed.
    private readonly List<KeyValuePair<string, string>> _items = new(4);

    public int Count => _items.Count;

    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    public RpcParameters Set(string name, string value)
    {
        for (int i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.Ordinal))
            {
                _items[i] = new KeyValuePair<string, string>(name, value);
                return this;
            }
        }

        _items.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Adds the parameter only when it has a value: absent optional fields are not sent.</summary>
    public RpcParameters SetIfPresent(string name, string? value) => value is null ? this : Set(name, value);

    public string? Get(string name)
    {
        foreach (var item in _items)
        {
            if (string.Equals(item.Key, name, StringComparison.Ordinal))
            {
                return item.Value;
            }
        }

        return null;
    }

    /// <summary>Copies the parameters, in insertion order, to the start of <paramref name="destination"/>.</summary>
    public void CopyTo(KeyValuePair<string, string>[] destination) => _items.CopyTo(destination, 0);

    /// <summary>The parameters in the signer's order: ordinal on the raw names.</summary>
    public KeyValuePair<string, string>[] ToSortedArray()
    {
        var sorted = _items.ToArray();
        Array.Sort(sorted, OrdinalKeyComparer.Instance);
        return sorted;
    }
}
