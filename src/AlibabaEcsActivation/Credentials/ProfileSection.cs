using System;
using System.Collections.Generic;
using System.Globalization;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// One profile's settings from a credentials file or the CLI's config.json, as text. Lookups that
/// fail name the profile, the file and the key; values are never quoted (they may be secrets).
/// </summary>
internal sealed class ProfileSection
{
    private readonly IReadOnlyDictionary<string, string> _values;

    /// <param name="description">Names the profile and its file, e.g. <c>profile 'default' in ~/.aliyun/config.json (/home/me/.aliyun/config.json)</c>.</param>
    /// <param name="values">The settings.</param>
    public ProfileSection(string description, IReadOnlyDictionary<string, string> values)
    {
        Description = description;
        _values = values;
    }

    public string Description { get; }

    /// <summary>The value, or null when absent or empty.</summary>
    public string? Optional(string key) =>
        _values.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <exception cref="EcsCredentialsException">The key is absent or empty.</exception>
    public string Require(string key) =>
        Optional(key) ?? throw new EcsCredentialsException($"{Description} has no {key}.");

    /// <exception cref="EcsCredentialsException">The value is not a whole number.</exception>
    public int OptionalInt(string key, int defaultValue)
    {
        string? text = Optional(key);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new EcsCredentialsException($"{Description}: {key} is not a positive whole number.");
    }

    /// <summary>True for <c>true</c> in any case; null when absent.</summary>
    public bool? OptionalBool(string key) =>
        Optional(key) is string text ? string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>Builds the profile's provider; a setting the provider rejects becomes an error naming the profile.</summary>
    /// <exception cref="EcsCredentialsException">A setting is missing or invalid.</exception>
    public ICredentialsProvider CreateProvider(Func<ProfileSection, ICredentialsProvider> create)
    {
        try
        {
            return create(this);
        }
        catch (ArgumentException e)
        {
            throw new EcsCredentialsException($"{Description}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
