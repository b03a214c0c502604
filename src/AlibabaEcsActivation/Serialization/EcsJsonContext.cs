using System.Text.Json.Serialization;

namespace AlibabaEcsActivation.Serialization;

/// <summary>
/// Source-generated serializers for every response body: no reflection, so the library stays clean
/// under trimming and native AOT. Property names match either case, and unknown fields are ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(DisableActivationResponse))]
internal sealed partial class EcsJsonContext : JsonSerializerContext
{
}
