using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>
/// Reads the flattened tag list, <c>Tag.N.Key</c>/<c>Tag.N.Value</c> with N from 1 to 20, in N order.
/// Keys are 1 to 64 characters, values up to 128 (may be empty). When creating, keys must not start
/// with <c>aliyun</c> or <c>acs:</c> (reserved for the system) and must not repeat.
/// </summary>
internal static partial class TagParameters
{
    public const int MaxTags = 20;
    public const int MaxKeyLength = 64;
    public const int MaxValueLength = 128;

    /// <summary>The tags, in N order; a missing <c>Tag.N.Value</c> is null.</summary>
    /// <exception cref="ServiceError"><c>InvalidTag.Malformed</c>, <c>InvalidTagKey.Malformed</c> or <c>InvalidTagValue.Malformed</c>.</exception>
    public static IReadOnlyList<(string Key, string? Value)> Read(IReadOnlyDictionary<string, string> parameters, bool creating)
    {
        var byIndex = new SortedDictionary<int, (string? Key, string? Value)>();
        foreach (var (name, value) in parameters)
        {
            Match match = TagName().Match(name);
            if (!match.Success)
            {
                continue;
            }

            if (!int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n is < 1 or > MaxTags)
            {
                throw ServiceError.Malformed("Tag", $"{name}: N must be from 1 to {MaxTags}.");
            }

            var entry = byIndex.GetValueOrDefault(n);
            byIndex[n] = match.Groups[2].Value == "Key" ? entry with { Key = value } : entry with { Value = value };
        }

        var tags = new List<(string Key, string? Value)>(byIndex.Count);
        foreach (var (n, (key, value)) in byIndex)
        {
            string position = n.ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
            {
                throw ServiceError.Malformed("TagKey", $"Tag.{position}.Key must be 1 to {MaxKeyLength} characters.");
            }

            if (creating && (key.StartsWith("aliyun", StringComparison.OrdinalIgnoreCase) || key.StartsWith("acs:", StringComparison.OrdinalIgnoreCase)))
            {
                throw ServiceError.Malformed("TagKey", $"Tag.{position}.Key must not start with aliyun or acs:.");
            }

            if (creating && tags.Any(t => t.Key == key))
            {
                throw ServiceError.Malformed("TagKey", $"Tag.{position}.Key repeats an earlier key.");
            }

            if (value is { Length: > MaxValueLength })
            {
                throw ServiceError.Malformed("TagValue", $"Tag.{position}.Value must be at most {MaxValueLength} characters.");
            }

            tags.Add((key, value));
        }

        return tags;
    }

    [GeneratedRegex(@"^Tag\.([0-9]+)\.(Key|Value)$", RegexOptions.CultureInvariant)]
    private static partial Regex TagName();
}
