using System.Text.Json.Serialization;

namespace AlibabaEcsActivation;

/// <summary>The result of DisableActivation: the request ID and the activation code as it now stands.</summary>
public sealed class DisableActivationResponse
{
    /// <summary>The ID of the request, to quote to Alibaba Cloud support.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; init; }

    /// <summary>The activation code after the call; <see cref="Activation.Disabled"/> is true.</summary>
    [JsonPropertyName("Activation")]
    public Activation Activation { get; init; } = null!;

    /// <inheritdoc />
    public override string ToString() => $"DisableActivationResponse {{ RequestId = {RequestId}, {Activation} }}";
}
