namespace AlibabaEcsActivation;

/// <summary>Parameters of DisableActivation: which activation code to disable, and in which region.</summary>
public sealed class DisableActivationRequest
{
    /// <summary>Creates an empty request; set <see cref="ActivationId"/>.</summary>
    public DisableActivationRequest()
    {
    }

    /// <summary>Creates a request for one activation code in the client's default region.</summary>
    /// <param name="activationId">The ID of the activation code, e.g. <c>4ECEEE12-56F1-4FBC-9AB1-890F1234****</c>.</param>
    public DisableActivationRequest(string activationId)
    {
        ActivationId = activationId;
    }

    /// <summary>The ID of the activation code to disable. Required.</summary>
    public string? ActivationId { get; init; }

    /// <summary>The region the code lives in, e.g. <c>cn-hangzhou</c>. Null uses <see cref="EcsActivationClientOptions.RegionId"/>.</summary>
    public string? RegionId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"DisableActivationRequest {{ ActivationId = {ActivationId}, RegionId = {RegionId ?? "(default)"} }}";
}
