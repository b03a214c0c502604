using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation.Serialization;

/// <summary>Reads a string field that the service may send as a number or boolean, as the official client does.</summary>
internal sealed class TolerantStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => ReadString(ref reader),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string, got {reader.TokenType}."),
    };

    /// <summary>A string value; one that is not valid UTF-16 (a lone surrogate escape) is a malformed body, not a bug.</summary>
    internal static string? ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("A string value is not valid UTF-16.", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
