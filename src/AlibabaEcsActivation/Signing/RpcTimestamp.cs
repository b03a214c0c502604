using System;
using System.Globalization;

namespace AlibabaEcsActivation.Signing;

/// <summary>The RPC <c>Timestamp</c> parameter: UTC to the second, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
internal static class RpcTimestamp
{
    private const int Length = 20;

    public static string Format(DateTimeOffset now)
    {
        DateTime utc = now.UtcDateTime;
#if NET8_0_OR_GREATER
        // "s" is the sortable yyyy-MM-ddTHH:mm:ss, which the runtime formats without parsing a pattern.
        return string.Create(Length, utc, static (chars, value) =>
        {
            value.TryFormat(chars, out _, "s", CultureInfo.InvariantCulture);
            chars[Length - 1] = 'Z';
        });
#else
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
#endif
    }
}
