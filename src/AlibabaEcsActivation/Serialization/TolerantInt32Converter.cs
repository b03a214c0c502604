using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation.Serialization;

/// <summary>
/// Reads an <see cref="int"/> sent as a JSON number or as a string (<c>"1"</c>), as some doc samples
/// and the official client accept; an empty string or null reads as 0.
/// </summary>
internal sealed class TolerantInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        long value = TolerantNumber.ReadInt64(ref reader);
        if (value < int.MinValue || value > int.MaxValue)
        {
            throw new JsonException($"The number {value} does not fit a 32-bit integer.");
        }

        return (int)value;
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>Reads a <see cref="long"/> sent as a JSON number or a string; empty or null reads as 0.</summary>
internal sealed class TolerantInt64Converter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => TolerantNumber.ReadInt64(ref reader);

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

internal static class TolerantNumber
{
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out long number))
                {
                    return number;
                }

                // "4.0" style integral doubles are accepted; fractions are not silently truncated.
                double d = reader.GetDouble();
                if (d == Math.Floor(d) && d >= long.MinValue && d <= long.MaxValue)
                {
                    return (long)d;
                }

                throw new JsonException($"Expected an integer, got {d}.");
            case JsonTokenType.String:
                // "1" (the English doc sample) parses in place; anything unusual takes the string path below.
                if (!reader.HasValueSequence && !reader.ValueIsEscaped
                    && Utf8Parser.TryParse(reader.ValueSpan, out long quick, out int consumed) && consumed == reader.ValueSpan.Length)
                {
                    return quick;
                }

                string text = TolerantStringConverter.ReadString(ref reader)!.Trim();
                if (text.Length == 0)
                {
                    return 0;
                }

                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed))
                {
                    return parsed;
                }

                throw new JsonException("Expected an integer or a string holding one.");
            case JsonTokenType.Null:
                return 0;
            default:
                throw new JsonException($"Expected an integer, got {reader.TokenType}.");
        }
    }
}
