using System;
using AlibabaEcsActivation.Transport;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

public class TimestampFormatterTests
{
    [Fact]
    public void Formats_utc_to_the_second_with_Z()
    {
        Assert.Equal("2024-05-01T12:00:07Z", TimestampFormatter.Format(new DateTime(2024, 5, 1, 12, 0, 7, 999, DateTimeKind.Utc)));
    }

    [Fact]
    public void Same_second_reuses_the_text()
    {
        string first = TimestampFormatter.Format(new DateTime(2024, 5, 1, 12, 0, 7, 1, DateTimeKind.Utc));

        Assert.Same(first, TimestampFormatter.Format(new DateTime(2024, 5, 1, 12, 0, 7, 900, DateTimeKind.Utc)));
    }

    [Fact]
    public void Next_second_formats_anew()
    {
        TimestampFormatter.Format(new DateTime(2024, 5, 1, 12, 0, 7, DateTimeKind.Utc));

        Assert.Equal("2024-05-01T12:00:08Z", TimestampFormatter.Format(new DateTime(2024, 5, 1, 12, 0, 8, DateTimeKind.Utc)));
    }
}
