using System;
using System.Globalization;

namespace AlibabaEcsActivation.Cli.Output;

/// <summary>How progress and elapsed times read: "3/10 done, 2.5/s, ETA 3s".</summary>
internal static class ProgressText
{
    public static string Format(int done, int total, TimeSpan elapsed)
    {
        string text = $"{done}/{total} done";
        if (done == 0 || elapsed <= TimeSpan.Zero)
        {
            return text;
        }

        double rate = done / elapsed.TotalSeconds;
        text += string.Create(CultureInfo.InvariantCulture, $", {rate:0.0}/s");
        return done >= total ? text : $"{text}, ETA {Duration(TimeSpan.FromSeconds((total - done) / rate))}";
    }

    /// <summary>"0.4s", "12s", "3m05s".</summary>
    public static string Duration(TimeSpan span) =>
        span < TimeSpan.FromSeconds(10) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0}s")
        : span < TimeSpan.FromMinutes(1) ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:00}s");
}
