using System;
using System.CommandLine.Parsing;
using System.Globalization;

namespace AlibabaEcsActivation.Cli.Options;

/// <summary>How option values are read; a value that is not one adds a usage error that names the option.</summary>
internal static class ValueParsers
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Func<ArgumentResult, int?> Int32(string name, int min, int max) => result =>
    {
        string text = result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{name} must be a whole number from {min} to {max}, not '{text}'.");
        return null;
    };

    /// <summary>A duration in seconds (e.g. <c>30</c> or <c>2.5</c>), above zero.</summary>
    public static Func<ArgumentResult, TimeSpan?> Seconds(string name) => result =>
    {
        string text = result.Tokens[^1].Value;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && seconds <= 24 * 3600)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        result.AddError($"{name} must be a number of seconds above 0, not '{text}'.");
        return null;
    };

    /// <summary><c>HMAC-SHA1</c> or <c>ACS3-HMAC-SHA256</c>, in any case.</summary>
    public static string? SignatureAlgorithm(ArgumentResult result)
    {
        string text = result.Tokens[^1].Value;
        if (text.Equals(EcsSignatureAlgorithm.HmacSha1, StringComparison.OrdinalIgnoreCase))
        {
            return EcsSignatureAlgorithm.HmacSha1;
        }

        if (text.Equals(EcsSignatureAlgorithm.Acs3HmacSha256, StringComparison.OrdinalIgnoreCase))
        {
            return EcsSignatureAlgorithm.Acs3HmacSha256;
        }

        result.AddError($"--signature-algorithm must be {EcsSignatureAlgorithm.HmacSha1} or {EcsSignatureAlgorithm.Acs3HmacSha256}, not '{text}'.");
        return null;
    }

    /// <summary>Each <c>key=value</c> of a repeated <c>--tag</c>.</summary>
    public static Tag[] Tags(ArgumentResult result)
    {
        var tags = new Tag[result.Tokens.Count];
        for (int i = 0; i < tags.Length; i++)
        {
            string text = result.Tokens[i].Value;
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                result.AddError($"--tag takes key=value, not '{text}'.");
                return Array.Empty<Tag>();
            }

            tags[i] = new Tag(text[..equals], text[(equals + 1)..]);
        }

        return tags;
    }
}
