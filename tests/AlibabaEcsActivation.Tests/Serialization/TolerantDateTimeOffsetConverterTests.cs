using System;
using System.Globalization;
using System.Text.Json;
using AlibabaEcsActivation.Serialization;
using Xunit;

namespace AlibabaEcsActivation.Tests.Serialization;

/// <summary>Every branch of the tolerant time reader: the in-place 'Z' form, the fallback formats, the empty forms and the refusals.</summary>
public class TolerantDateTimeOffsetConverterTests
{
    private static DateTimeOffset Read(string rawValue) =>
        JsonSerializer.Deserialize("{\"Activation\":{\"CreationTime\":" + rawValue + "}}", EcsJsonContext.Default.DisableActivationResponse)!.Activation.CreationTime;

    [Theory]
    [InlineData("\"2021-01-20T06:00:00Z\"", "2021-01-20T06:00:00.0000000+00:00")] // the service's form, read in place
    [InlineData("\"2021-01-20T06:00:00.1234567Z\"", "2021-01-20T06:00:00.1234567+00:00")]
    [InlineData("\"2021-01-20T06:00Z\"", "2021-01-20T06:00:00.0000000+00:00")] // no seconds
    [InlineData("\"2021-01-20T06:00:00\\u005A\"", "2021-01-20T06:00:00.0000000+00:00")] // escaped: the string path
    [InlineData("\" 2021-01-20T06:00:00Z \"", "2021-01-20T06:00:00.0000000+00:00")] // padded
    [InlineData("\"2021-01-20T14:00:00+08:00\"", "2021-01-20T06:00:00.0000000+00:00")] // an offset, made UTC
    [InlineData("\"2021-01-20T14:00:00.5+08:00\"", "2021-01-20T06:00:00.5000000+00:00")]
    [InlineData("\"2021-01-20 06:00:00\"", "2021-01-20T06:00:00.0000000+00:00")] // no zone: taken as UTC, never local
    public void Service_times_read_as_utc(string rawValue, string expected)
    {
        DateTimeOffset time = Read(rawValue);

        Assert.Equal(expected, time.ToString("O", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    public void Missing_times_read_as_MinValue(string rawValue)
    {
        Assert.Equal(DateTimeOffset.MinValue, Read(rawValue));
    }

    [Theory]
    [InlineData("1611122400")] // a number is no documented time
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2021-13-40T06:00:00Z\"")]
    public void Other_values_are_refused(string rawValue)
    {
        Assert.ThrowsAny<JsonException>(() => Read(rawValue));
    }

    [Fact]
    public void Writes_the_services_form_in_utc()
    {
        var activation = new Activation { CreationTime = new DateTimeOffset(2021, 1, 20, 14, 0, 0, TimeSpan.FromHours(8)) };

        string json = JsonSerializer.Serialize(new DisableActivationResponse { Activation = activation }, EcsJsonContext.Default.DisableActivationResponse);

        Assert.Contains("\"CreationTime\":\"2021-01-20T06:00:00Z\"", json, StringComparison.Ordinal);
    }
}
