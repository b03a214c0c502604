using System;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation;

/// <summary>
/// The result of DeleteActivation: the request ID and the code as it was when deleted, or, when an
/// earlier attempt of the same call removed it, <see cref="DeletedByEarlierAttempt"/>.
/// </summary>
public sealed class DeleteActivationResponse : IEcsResponse
{
    private EcsResponseMetadata _responseMetadata = EcsResponseMetadata.None;

    /// <summary>The ID of the request, to quote to Alibaba Cloud support.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; init; }

    /// <summary>
    /// The deleted activation code. The service omits <c>Disabled</c>, <c>ResourceGroupId</c> and <c>Tags</c>
    /// here, so <see cref="Activation.Disabled"/> reads false and <see cref="Activation.Tags"/> is empty.
    /// Null only when <see cref="DeletedByEarlierAttempt"/> is true: the answer that carried it was lost.
    /// </summary>
    [JsonPropertyName("Activation")]
    public Activation? Activation { get; init; }

    /// <summary>
    /// True when an earlier attempt of this call may have deleted the code without its answer arriving
    /// (the connection dropped, the body was cut, the attempt timed out) and a later attempt found the
    /// code gone (<c>ActivationId.NotFound</c>): the code is deleted, most likely by this call, so it is
    /// reported as deleted rather than as not found. <see cref="Activation"/> is then null and
    /// <see cref="RequestId"/> is the request ID of the attempt that found the code gone.
    /// </summary>
    [JsonIgnore]
    public bool DeletedByEarlierAttempt { get; internal set; }

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
    public override string ToString() => DeletedByEarlierAttempt
        ? $"DeleteActivationResponse {{ RequestId = {RequestId}, DeletedByEarlierAttempt = True }}"
        : $"DeleteActivationResponse {{ RequestId = {RequestId}, {Activation} }}";
}
