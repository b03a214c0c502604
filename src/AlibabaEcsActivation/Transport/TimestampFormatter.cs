using System;
using System.Globalization;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// The RPC <c>Timestamp</c> (<c>yyyy-MM-ddTHH:mm:ssZ</c>, UTC). Its resolution is one second, so each
/// thread keeps the last string it formatted and reuses it within the same second: calls in a burst
/// do not each format and allocate the same text.
/// </summary>
internal static class TimestampFormatter
{
    [ThreadStatic]
    private static long t_second;

    [ThreadStatic]
    private static string? t_text;

    public static string Format(DateTime utc)
    {
        long second = utc.Ticks / TimeSpan.TicksPerSecond;
        string? text = t_text;
        if (text is not null && second == t_second)
        {
            return text;
        }

        text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        t_second = second;
        t_text = text;
        return text;
    }
}
