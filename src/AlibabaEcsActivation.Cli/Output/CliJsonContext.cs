using System.Text.Json.Serialization;
using AlibabaEcsActivation.Cli.Audit;

namespace AlibabaEcsActivation.Cli.Output;

/// <summary>The tool's JSON (stdout lines and the audit log), source-generated so the NativeAOT build needs no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ResultLine))]
[JsonSerializable(typeof(ActivationLine))]
[JsonSerializable(typeof(CreatedLine))]
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
}
