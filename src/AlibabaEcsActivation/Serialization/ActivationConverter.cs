using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AlibabaEcsActivation.Serialization;

/// <summary>
/// Reads <see cref="Activation"/> field by field with the same rules as the rest of the context
/// (names in any case, unknown fields skipped, the tolerant converters for each value). Why not the
/// source generator: <see cref="Activation"/> has <c>init</c>-only properties, so the generated reader
/// binds it like a constructor and boxes every value into an argument array, about 1 KB per object.
/// </summary>
internal sealed class ActivationConverter : JsonConverter<Activation>
{
    private static readonly TolerantStringConverter Strings = new();
    private static readonly TolerantInt32Converter Int32s = new();
    private static readonly TolerantInt64Converter Int64s = new();
    private static readonly TolerantBooleanConverter Booleans = new();
    private static readonly TolerantDateTimeOffsetConverter Times = new();

    /// <summary>A null where an Activation goes (<c>"ActivationList":[null]</c>) reaches <see cref="Read"/> and is refused there.</summary>
    public override bool HandleNull => true;

    public override Activation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an Activation object, got {reader.TokenType}.");
        }

        string? activationId = null, description = null, instanceName = null, ipAddressRange = null, resourceGroupId = null;
        DateTimeOffset creationTime = default;
        int deregisteredCount = 0, instanceCount = 0, registeredCount = 0;
        bool disabled = false;
        long timeToLiveInHours = 0;
        IReadOnlyList<Tag>? tags = null;

        Span<char> buffer = stackalloc char[JsonPropertyNames.BufferLength];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<char> name = buffer.Slice(0, JsonPropertyNames.Read(ref reader, buffer));
            reader.Read();
            if (JsonPropertyNames.Is(name, "ActivationId"))
            {
                activationId = Strings.Read(ref reader, typeof(string), options);
            }
            else if (JsonPropertyNames.Is(name, "CreationTime"))
            {
                creationTime = Times.Read(ref reader, typeof(DateTimeOffset), options);
            }
            else if (JsonPropertyNames.Is(name, "DeregisteredCount"))
            {
                deregisteredCount = Int32s.Read(ref reader, typeof(int), options);
            }
            else if (JsonPropertyNames.Is(name, "Description"))
            {
                description = Strings.Read(ref reader, typeof(string), options);
            }
            else if (JsonPropertyNames.Is(name, "Disabled"))
            {
                disabled = Booleans.Read(ref reader, typeof(bool), options);
            }
            else if (JsonPropertyNames.Is(name, "InstanceCount"))
            {
                instanceCount = Int32s.Read(ref reader, typeof(int), options);
            }
            else if (JsonPropertyNames.Is(name, "InstanceName"))
            {
                instanceName = Strings.Read(ref reader, typeof(string), options);
            }
            else if (JsonPropertyNames.Is(name, "IpAddressRange"))
            {
                ipAddressRange = Strings.Read(ref reader, typeof(string), options);
            }
            else if (JsonPropertyNames.Is(name, "RegisteredCount"))
            {
                registeredCount = Int32s.Read(ref reader, typeof(int), options);
            }
            else if (JsonPropertyNames.Is(name, "TimeToLiveInHours"))
            {
                timeToLiveInHours = Int64s.Read(ref reader, typeof(long), options);
            }
            else if (JsonPropertyNames.Is(name, "ResourceGroupId"))
            {
                resourceGroupId = Strings.Read(ref reader, typeof(string), options);
            }
            else if (JsonPropertyNames.Is(name, "Tags"))
            {
                // Rare (DescribeActivations only): the generated reader keeps Tag's own rules.
                tags = JsonSerializer.Deserialize(ref reader, TagsInfo(options));
                RejectNullEntries(tags);
            }
            else
            {
                reader.Skip();
            }
        }

        return new Activation
        {
            ActivationId = activationId,
            CreationTime = creationTime,
            DeregisteredCount = deregisteredCount,
            Description = description,
            Disabled = disabled,
            InstanceCount = instanceCount,
            InstanceName = instanceName,
            IpAddressRange = ipAddressRange,
            RegisteredCount = registeredCount,
            TimeToLiveInHours = timeToLiveInHours,
            ResourceGroupId = resourceGroupId,
            Tags = tags!, // null reads as empty
        };
    }

    public override void Write(Utf8JsonWriter writer, Activation value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName("ActivationId");
        Strings.Write(writer, value.ActivationId, options);
        writer.WritePropertyName("CreationTime");
        Times.Write(writer, value.CreationTime, options);
        writer.WriteNumber("DeregisteredCount", value.DeregisteredCount);
        writer.WritePropertyName("Description");
        Strings.Write(writer, value.Description, options);
        writer.WriteBoolean("Disabled", value.Disabled);
        writer.WriteNumber("InstanceCount", value.InstanceCount);
        writer.WritePropertyName("InstanceName");
        Strings.Write(writer, value.InstanceName, options);
        writer.WritePropertyName("IpAddressRange");
        Strings.Write(writer, value.IpAddressRange, options);
        writer.WriteNumber("RegisteredCount", value.RegisteredCount);
        writer.WriteNumber("TimeToLiveInHours", value.TimeToLiveInHours);
        writer.WritePropertyName("ResourceGroupId");
        Strings.Write(writer, value.ResourceGroupId, options);
        writer.WritePropertyName("Tags");
        JsonSerializer.Serialize(writer, value.Tags, TagsInfo(options));
        writer.WriteEndObject();
    }

    /// <summary>A list of tags with a null in it is a malformed body: returned results never hold nulls.</summary>
    private static void RejectNullEntries(IReadOnlyList<Tag>? tags)
    {
        if (tags is null)
        {
            return;
        }

        for (int i = 0; i < tags.Count; i++)
        {
            if (tags[i] is null)
            {
                throw new JsonException("Tags holds a null entry.");
            }
        }
    }

    private static JsonTypeInfo<IReadOnlyList<Tag>> TagsInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<IReadOnlyList<Tag>>)options.GetTypeInfo(typeof(IReadOnlyList<Tag>));
}
