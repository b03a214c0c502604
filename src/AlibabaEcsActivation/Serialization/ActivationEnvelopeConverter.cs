using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation.Serialization;

/// <summary>
/// Reads the two responses shaped <c>{"RequestId": ..., "Activation": {...}}</c> (DisableActivation,
/// DeleteActivation) by hand, for the reason given on <see cref="ActivationConverter"/>.
/// </summary>
internal abstract class ActivationEnvelopeConverter<T> : JsonConverter<T>
    where T : class
{
    private static readonly TolerantStringConverter Strings = new();
    private static readonly ActivationConverter Activations = new();

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a response object, got {reader.TokenType}.");
        }

        string? requestId = null;
        Activation? activation = null;
        Span<char> buffer = stackalloc char[JsonPropertyNames.BufferLength];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<char> name = buffer.Slice(0, JsonPropertyNames.Read(ref reader, buffer));
            reader.Read();
            if (JsonPropertyNames.Is(name, "RequestId"))
            {
                requestId = Strings.Read(ref reader, typeof(string), options);
            }
            else if (JsonPropertyNames.Is(name, "Activation"))
            {
                activation = reader.TokenType == JsonTokenType.Null ? null : Activations.Read(ref reader, typeof(Activation), options);
            }
            else
            {
                reader.Skip();
            }
        }

        return Create(requestId, activation!); // a missing Activation is reported by the caller's completeness check
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        Deconstruct(value, out string? requestId, out Activation? activation);
        writer.WriteStartObject();
        writer.WritePropertyName("RequestId");
        Strings.Write(writer, requestId, options);
        writer.WritePropertyName("Activation");
        if (activation is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            Activations.Write(writer, activation, options);
        }

        writer.WriteEndObject();
    }

    protected abstract T Create(string? requestId, Activation activation);

    protected abstract void Deconstruct(T value, out string? requestId, out Activation? activation);
}

/// <summary>Reads <see cref="DisableActivationResponse"/>.</summary>
internal sealed class DisableActivationResponseConverter : ActivationEnvelopeConverter<DisableActivationResponse>
{
    protected override DisableActivationResponse Create(string? requestId, Activation activation) =>
        new() { RequestId = requestId, Activation = activation };

    protected override void Deconstruct(DisableActivationResponse value, out string? requestId, out Activation? activation)
    {
        requestId = value.RequestId;
        activation = value.Activation;
    }
}

/// <summary>Reads <see cref="DeleteActivationResponse"/>.</summary>
internal sealed class DeleteActivationResponseConverter : ActivationEnvelopeConverter<DeleteActivationResponse>
{
    protected override DeleteActivationResponse Create(string? requestId, Activation activation) =>
        new() { RequestId = requestId, Activation = activation };

    protected override void Deconstruct(DeleteActivationResponse value, out string? requestId, out Activation? activation)
    {
        requestId = value.RequestId;
        activation = value.Activation;
    }
}
