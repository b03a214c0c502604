using System;
using System.Collections.Generic;
using System.Globalization;

namespace AlibabaEcsActivation;

/// <summary>
/// The documented rules of the lifecycle requests that are certain enough to check before any I/O:
/// lengths, positive counts, tag rules and the ClientToken format. Ranges the documentation pages
/// disagree on (TimeToLiveInHours) and value formats (IP ranges, name characters) are the service's.
/// </summary>
internal static class LifecycleInputValidator
{
    public const int MaxTags = 20;
    public const int MaxTagKeyLength = 64;
    public const int MaxTagValueLength = 128;
    public const int MaxClientTokenLength = 64;

    /// <summary>Null passes; otherwise the text must be <paramref name="min"/> to <paramref name="max"/> characters without control characters.</summary>
    public static void OptionalText(string? value, int min, int max, string paramName, string what)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length < min || value.Length > max)
        {
            throw new ArgumentException($"The {what} must be {min} to {max} characters long (it is {value.Length}).", paramName);
        }

        InputValidator.RequireWellFormedText(value, paramName, what);
    }

    /// <summary>Null passes; otherwise the same rules as a required ID.</summary>
    public static void OptionalId(string? value, string paramName, string what)
    {
        if (value is not null)
        {
            InputValidator.RequireId(value, paramName, what);
        }
    }

    /// <summary>Null passes; otherwise the number must be at least 1.</summary>
    public static void OptionalPositive(long? value, string paramName, string what)
    {
        if (value is < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"The {what} must be positive (it is {value.Value.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    /// <summary>Null passes (one is generated); otherwise 1 to 64 printable ASCII characters.</summary>
    public static void OptionalClientToken(string? value, string paramName)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length == 0 || value.Length > MaxClientTokenLength)
        {
            throw new ArgumentException($"The ClientToken must be 1 to {MaxClientTokenLength} characters long (it is {value.Length}); leave it null to have one generated.", paramName);
        }

        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] < 0x20 || value[i] > 0x7E)
            {
                throw new ArgumentException($"The ClientToken may contain only printable ASCII characters; position {i} holds U+{(int)value[i]:X4}.", paramName);
            }
        }
    }

    /// <summary>
    /// Null or empty passes (no tags); otherwise at most 20 tags, each with a key of 1 to 64 characters
    /// and a value of at most 128. When <paramref name="creating"/>, keys may not start with <c>aliyun</c>
    /// or <c>acs:</c> (reserved for the system); filters may name such keys.
    /// </summary>
    public static void OptionalTags(IReadOnlyList<Tag>? tags, bool creating, string paramName, string what)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > MaxTags)
        {
            throw new ArgumentException($"{what} holds {tags.Count} tags; at most {MaxTags} are allowed.", paramName);
        }

        for (int i = 0; i < tags.Count; i++)
        {
            Tag? tag = tags[i];
            string where = $"{what}[{i}]";
            if (tag is null)
            {
                throw new ArgumentException($"{where} is null.", paramName);
            }

            if (string.IsNullOrWhiteSpace(tag.Key) || tag.Key.Length > MaxTagKeyLength)
            {
                throw new ArgumentException($"The key of {where} must be 1 to {MaxTagKeyLength} characters and not blank (it is {tag.Key.Length} long).", paramName);
            }

            InputValidator.RequireWellFormedText(tag.Key, paramName, $"key of {where}");
            if (creating && (tag.Key.StartsWith("aliyun", StringComparison.Ordinal) || tag.Key.StartsWith("acs:", StringComparison.Ordinal)))
            {
                throw new ArgumentException($"The key of {where} starts with \"aliyun\" or \"acs:\", which are reserved for system tags.", paramName);
            }

            if (tag.Value is { } value)
            {
                if (value.Length > MaxTagValueLength)
                {
                    throw new ArgumentException($"The value of {where} is {value.Length} characters long; at most {MaxTagValueLength} are allowed.", paramName);
                }

                InputValidator.RequireWellFormedText(value, paramName, $"value of {where}");
            }
        }
    }
}
