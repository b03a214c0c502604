using System.Text.Encodings.Web;
using System.Text.Json;
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
    /// <summary>
    /// What the tool writes with: characters such as '+' stay as they are (an ActivationCode copied from a
    /// JSON line must be the code), which is safe because the output is never embedded in HTML.
    /// </summary>
    public static CliJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
