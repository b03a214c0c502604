using System;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation;

/// <summary>
/// The result of CreateActivation: the new code's ID and its secret code string.
/// <para><b>The service returns <see cref="ActivationCode"/> only once, in this response.</b> Store it
/// securely right away (it cannot be read again), and never log it: <see cref="ToString"/> leaves it out.</para>
/// </summary>
public sealed class CreateActivationResponse : IEcsResponse
{
    private EcsResponseMetadata _responseMetadata = EcsResponseMetadata.None;

    /// <summary>The ID of the request, to quote to Alibaba Cloud support.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; init; }

    /// <summary>The ID of the new activation code, e.g. <c>4ECEEE12-56F1-4FBC-9AB1-890F1234****</c>; not secret.</summary>
    [JsonPropertyName("ActivationId")]
    public string ActivationId { get; init; } = null!;

    /// <summary>
    /// The secret code string servers use to register, e.g. <c>a-hz0ch3SwhOlE1234+Xo32lAZC****</c> (it may
    /// contain <c>+</c>). <b>Returned only once</b>: the service never shows it again, so keep it now, treat it
    /// as a credential, and do not write it to logs. A leaked code should be disabled (DisableActivation).
    /// </summary>
    [JsonPropertyName("ActivationCode")]
    public string ActivationCode { get; init; } = null!;

    /// <summary>
    /// The idempotency token this call sent (<see cref="CreateActivationRequest.ClientToken"/>, or the one the
    /// client generated). Creating again with the same token returns this same code instead of a new one.
    /// </summary>
    [JsonIgnore]
    public string ClientToken { get; internal set; } = string.Empty;

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

    /// <summary>Describes the response without the secret <see cref="ActivationCode"/>.</summary>
    /// <returns>The request ID, activation ID and client token; the code is shown as <c>&lt;redacted&gt;</c>.</returns>
    public override string ToString() => $"CreateActivationResponse {{ RequestId = {RequestId}, ActivationId = {ActivationId}, ActivationCode = <redacted>, ClientToken = {ClientToken} }}";
}
