using System;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation;

/// <summary>The result of DisableActivation: the request ID and the activation code as it now stands.</summary>
public sealed class DisableActivationResponse : IEcsResponse
{
    private EcsResponseMetadata _responseMetadata = EcsResponseMetadata.None;

    /// <summary>The ID of the request, to quote to Alibaba Cloud support.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; init; }

    /// <summary>The activation code after the call; <see cref="Activation.Disabled"/> is true.</summary>
    [JsonPropertyName("Activation")]
    public Activation Activation { get; init; } = null!;

    /// <summary>
    /// The HTTP exchange behind this response: status code, request ID, attempts and elapsed time. A
    /// response built by hand (a test double's) carries zeros unless it sets this.
    /// </summary>
    [JsonIgnore]
    public EcsResponseMetadata ResponseMetadata
    {
        get => _responseMetadata;
        // System.Text.Json 8's source generator sets even this ignored init-only property, to null.
        init => _responseMetadata = value ?? EcsResponseMetadata.None;
    }

    void IEcsResponse.SetResponseMetadata(EcsResponseMetadata metadata) => _responseMetadata = metadata;

    /// <inheritdoc />
    public override string ToString() => $"DisableActivationResponse {{ RequestId = {RequestId}, {Activation} }}";
}
