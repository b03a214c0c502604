using System;
using AlibabaEcsActivation.Signing;
using Xunit;

namespace AlibabaEcsActivation.Tests.Signing;

public class RpcTimestampTests
{
    [Theory]
    [InlineData("2024-05-01T12:00:07.999+00:00", "2024-05-01T12:00:07Z")] // truncated to the second, never rounded up
    [InlineData("2024-05-01T12:00:08+00:00", "2024-05-01T12:00:08Z")]
    [InlineData("2024-05-01T20:00:07+08:00", "2024-05-01T12:00:07Z")] // another offset is turned into UTC
    [InlineData("2024-12-31T23:59:59.5-01:00", "2025-01-01T00:59:59Z")]
    public void Formats_utc_to_the_second_with_Z(string now, string expected)
    {
        Assert.Equal(expected, RpcTimestamp.Format(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
