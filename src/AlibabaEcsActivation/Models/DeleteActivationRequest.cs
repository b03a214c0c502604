namespace AlibabaEcsActivation;

/// <summary>Parameters of DeleteActivation: which unused activation code to delete, and in which region.</summary>
public sealed class DeleteActivationRequest
{
    /// <summary>Creates an empty request; set <see cref="ActivationId"/>.</summary>
    public DeleteActivationRequest()
    {
    }

    /// <summary>Creates a request for one activation code in the client's default region.</summary>
    /// <param name="activationId">The ID of the activation code, e.g. <c>4ECEEE12-56F1-4FBC-9AB1-890F1234****</c>.</param>
    public DeleteActivationRequest(string activationId)
    {
        ActivationId = activationId;
    }

    /// <summary>The ID of the activation code to delete. Required. The code must have no registered managed instances.</summary>
    public string? ActivationId { get; init; }

    /// <summary>The region the code lives in, e.g. <c>cn-hangzhou</c>. Null uses <see cref="EcsActivationClientOptions.RegionId"/>.</summary>
    public string? RegionId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"DeleteActivationRequest {{ ActivationId = {ActivationId}, RegionId = {RegionId ?? "(default)"} }}";
}
