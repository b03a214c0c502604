using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation.Serialization;

/// <summary>
/// Reads the service's ISO 8601 UTC times (<c>2021-01-20T06:00:00Z</c>, with or without fractions or
/// seconds); a missing or empty value reads as <see cref="DateTimeOffset.MinValue"/>.
/// </summary>
internal sealed class TolerantDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] Formats =
    {
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss",
    };

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return DateTimeOffset.MinValue;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a time string, got {reader.TokenType}.");
        }

        // The service's usual form, 2021-01-20T06:00:00Z, parses in place without allocating a string.
        // Only a 'Z' suffix takes this path: the built-in parser reads a time without offset as local.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length > 0
            && reader.ValueSpan[reader.ValueSpan.Length - 1] == (byte)'Z' && reader.TryGetDateTimeOffset(out DateTimeOffset utc))
        {
            return utc;
        }

        string text = TolerantStringConverter.ReadString(ref reader)!.Trim();
        if (text.Length == 0)
        {
            return DateTimeOffset.MinValue;
        }

        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        throw new JsonException("Expected an ISO 8601 time such as 2021-01-20T06:00:00Z.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
