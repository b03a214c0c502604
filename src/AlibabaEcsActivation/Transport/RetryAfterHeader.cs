using System;
using System.Globalization;
using System.Net.Http;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// The server's hint of how long to wait before retrying: <c>x-acs-retry-after</c> (milliseconds), else
/// a standard <c>Retry-After</c> (delta-seconds or an HTTP date). Negative, malformed or absurd (over a
/// day) values are no hint a client can follow, and are ignored.
/// </summary>
internal static class RetryAfterHeader
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>The wait <paramref name="response"/> asks for, or null when it asks for none that can be followed.</summary>
    /// <param name="response">The response.</param>
    /// <param name="timeProvider">The clock, to turn a date into a wait.</param>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        double? millis = null;
        if (ResponseHeaders.First(response, "x-acs-retry-after") is { } text)
        {
            millis = double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) ? value : null;
        }
        else if (ResponseHeaders.First(response, "Retry-After") is { } standard)
        {
            millis = ToMilliseconds(standard, timeProvider.GetUtcNow());
        }

        return millis is { } ms && ms >= 0 && ms <= Longest.TotalMilliseconds ? TimeSpan.FromMilliseconds(ms) : null;
    }

    /// <summary>The wait a standard <c>Retry-After</c> value asks for in milliseconds, or null when it is not a valid value.</summary>
    internal static double? ToMilliseconds(string value, DateTimeOffset now)
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
