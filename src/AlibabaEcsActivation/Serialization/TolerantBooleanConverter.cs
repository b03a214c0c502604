using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation.Serialization;

/// <summary>
/// Reads a <see cref="bool"/> sent as <c>true</c>/<c>false</c>, as a string (<c>"false"</c>, any
/// case) or as <c>0</c>/<c>1</c>. The English doc sample sends <c>"Disabled": "false"</c>.
/// </summary>
internal sealed class TolerantBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
            case JsonTokenType.Null:
                return false;
            case JsonTokenType.Number:
                return reader.GetInt64() != 0;
            case JsonTokenType.String:
                // The common spellings compare in place; only unusual ones become a string.
                if (reader.ValueTextEquals("true"u8))
                {
                    return true;
                }

                if (reader.ValueTextEquals("false"u8))
                {
                    return false;
                }

                string text = TolerantStringConverter.ReadString(ref reader)!.Trim();
                if (text.Length == 0 || text == "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                if (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                throw new JsonException("Expected a boolean or a string holding one.");
            default:
                throw new JsonException($"Expected a boolean, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
