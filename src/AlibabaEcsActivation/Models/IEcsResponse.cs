namespace AlibabaEcsActivation;

/// <summary>A response model the client stamps with its <see cref="EcsResponseMetadata"/> once the call has succeeded.</summary>
internal interface IEcsResponse
{
    /// <summary>The request ID in the body, for when the answer had no <c>x-acs-request-id</c> header.</summary>
    string? RequestId { get; }

    void SetResponseMetadata(EcsResponseMetadata metadata);
}
