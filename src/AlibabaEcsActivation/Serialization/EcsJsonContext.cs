using System.Text.Json.Serialization;

namespace AlibabaEcsActivation.Serialization;

/// <summary>
/// Source-generated serializers for every response body: no reflection, so the library stays clean
/// under trimming and native AOT. Property names match either case, unknown fields are ignored, and
/// the tolerant converters apply to every field of their type, so the public models carry no
/// internal converter attributes (users can serialize them with their own contexts). A <c>null</c> where a
/// list holds an object reads as such and is refused by the action's <c>ResponseContract</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    Converters = new[]
    {
        typeof(TolerantInt32Converter), typeof(TolerantInt64Converter), typeof(TolerantBooleanConverter),
        typeof(TolerantStringConverter), typeof(TolerantDateTimeOffsetConverter),
    })]
[JsonSerializable(typeof(DisableActivationResponse))]
[JsonSerializable(typeof(CreateActivationResponse))]
[JsonSerializable(typeof(DescribeActivationsResponse))]
[JsonSerializable(typeof(DeleteActivationResponse))]
internal sealed partial class EcsJsonContext : JsonSerializerContext
{
}
