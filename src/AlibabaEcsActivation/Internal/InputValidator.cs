using System;

namespace AlibabaEcsActivation;

/// <summary>Rejects bad input with an <see cref="ArgumentException"/> before any I/O.</summary>
internal static class InputValidator
{
    /// <summary>Longer than any identifier the API documents; longer input is a bug, not an ID.</summary>
    public const int MaxIdLength = 256;

    public static string RequireId(string? value, string paramName, string what)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"The {what} is required.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {what} is empty or whitespace.", paramName);
        }

        if (value.Length > MaxIdLength)
        {
            throw new ArgumentException($"The {what} is {value.Length} characters long; at most {MaxIdLength} are accepted.", paramName);
        }

        RequireWellFormedText(value, paramName, what);
        if (value.Trim().Length != value.Length)
        {
            throw new ArgumentException($"The {what} has leading or trailing whitespace.", paramName);
        }

        return value;
    }

    /// <summary>No control characters, no lone surrogates: they cannot be encoded the way the service signs.</summary>
    public static void RequireWellFormedText(string value, string paramName, string what)
    {
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsControl(c))
            {
                throw new ArgumentException($"The {what} contains a control character (U+{(int)c:X4}) at position {i}.", paramName);
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"The {what} contains an unpaired UTF-16 surrogate at position {i}.", paramName);
            }
        }
    }

    public static string RequireRegionId(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, "The region ID is required.");
        }

        if (RegionIdProblem(value) is { } problem)
        {
            throw new ArgumentException("The region ID " + problem, paramName);
        }

        return value;
    }

    /// <summary>Null when <paramref name="value"/> looks like a region ID, else what is wrong with it.</summary>
    public static string? RegionIdProblem(string value)
    {
        if (value.Length == 0 || value.Length > 64)
        {
            return $"'{Printable(value)}' must be 1 to 64 characters long, e.g. \"cn-hangzhou\".";
        }

        foreach (char c in value)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            {
                return $"'{Printable(value)}' may contain only lower-case letters, digits and '-', e.g. \"cn-hangzhou\".";
            }
        }

        return null;
    }

    private static string Printable(string value)
    {
        var chars = value.Length > 64 ? value.Substring(0, 64).ToCharArray() : value.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}
