using System;
using System.Globalization;

namespace AlibabaEcsActivation.Signing;

/// <summary>The RPC <c>Timestamp</c> parameter: UTC to the second, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
internal static class RpcTimestamp
{
    public static string Format(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
