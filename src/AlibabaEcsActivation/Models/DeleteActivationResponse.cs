using System.Text.Json.Serialization;

namespace AlibabaEcsActivation;

/// <summary>The result of DeleteActivation: the request ID and the code as it was when deleted.</summary>
public sealed class DeleteActivationResponse
{
    /// <summary>The ID of the request, to quote to Alibaba Cloud support.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; init; }

    /// <summary>
    /// The deleted activation code. The service omits <c>Disabled</c>, <c>ResourceGroupId</c> and <c>Tags</c>
    /// here, so <see cref="Activation.Disabled"/> reads false and <see cref="Activation.Tags"/> is empty.
    /// </summary>
    [JsonPropertyName("Activation")]
    public Activation Activation { get; init; } = null!;

    /// <inheritdoc />
    public override string ToString() => $"DeleteActivationResponse {{ RequestId = {RequestId}, {Activation} }}";
}
