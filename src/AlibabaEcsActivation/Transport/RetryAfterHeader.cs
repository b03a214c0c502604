using System;
using System.Globalization;

namespace AlibabaEcsActivation.Transport;

/// <summary>Reads a standard <c>Retry-After</c> value: delta-seconds or an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>The wait the value asks for in milliseconds, or null when it is not a valid value.</summary>
    /// <param name="value">The header's text.</param>
    /// <param name="now">The current time, to turn a date into a wait.</param>
    public static double? ToMilliseconds(string value, DateTimeOffset now)
    {
        string text = value.Trim();
        if (double.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out double seconds))
        {
            return seconds * 1000;
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
        {
            return (date - now).TotalMilliseconds;
        }

        return null;
    }
}
