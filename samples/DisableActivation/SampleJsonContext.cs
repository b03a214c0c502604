using System.Text.Json.Serialization;
using AlibabaEcsActivation;

namespace DisableActivationSample;

/// <summary>Source-generated JSON output for --json, so the trimmed sample needs no reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(DisableActivationResponse))]
internal sealed partial class SampleJsonContext : JsonSerializerContext
{
}
