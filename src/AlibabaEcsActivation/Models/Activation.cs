using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace AlibabaEcsActivation;

/// <summary>
/// An activation code and how it has been used. Maps the ten fields every action returns, plus
/// <see cref="ResourceGroupId"/> and <see cref="Tags"/> which only DescribeActivations returns; numbers
/// and booleans are accepted whether the service sends them as JSON numbers or as strings.
/// </summary>
public sealed class Activation
{
    private IReadOnlyList<Tag> _tags = Array.Empty<Tag>();

    /// <summary>The ID of the activation code, e.g. <c>4ECEEE12-56F1-4FBC-9AB1-890F1234****</c>.</summary>
    [JsonPropertyName("ActivationId")]
    public string? ActivationId { get; init; }

    /// <summary>When the code was created (UTC). <see cref="DateTimeOffset.MinValue"/> if the service omitted it.</summary>
    [JsonPropertyName("CreationTime")]
    public DateTimeOffset CreationTime { get; init; }

    /// <summary>How many managed instances registered with this code have since been deregistered.</summary>
    [JsonPropertyName("DeregisteredCount")]
    public int DeregisteredCount { get; init; }

    /// <summary>The description given when the code was created.</summary>
    [JsonPropertyName("Description")]
    public string? Description { get; init; }

    /// <summary>
    /// True once the code is disabled: it can no longer register new managed instances (those
    /// already registered are unaffected). Always false in a DeleteActivation response, which omits it.
    /// </summary>
    [JsonPropertyName("Disabled")]
    public bool Disabled { get; init; }

    /// <summary>The most managed instances the code may register.</summary>
    [JsonPropertyName("InstanceCount")]
    public int InstanceCount { get; init; }

    /// <summary>The default name prefix given to instances registered with the code.</summary>
    [JsonPropertyName("InstanceName")]
    public string? InstanceName { get; init; }

    /// <summary>The IPv4/IPv6 address or CIDR block allowed to use the code; empty or null means no restriction was reported.</summary>
    [JsonPropertyName("IpAddressRange")]
    public string? IpAddressRange { get; init; }

    /// <summary>How many managed instances have registered with the code.</summary>
    [JsonPropertyName("RegisteredCount")]
    public int RegisteredCount { get; init; }

    /// <summary>How long the code is valid after creation, in hours.</summary>
    [JsonPropertyName("TimeToLiveInHours")]
    public long TimeToLiveInHours { get; init; }

    /// <summary>The resource group of the code, e.g. <c>rg-123******</c>. Only DescribeActivations returns it; null otherwise.</summary>
    [JsonPropertyName("ResourceGroupId")]
    public string? ResourceGroupId { get; init; }

    /// <summary>
    /// The code's tags, read from the response's <c>Tags[].TagKey</c>/<c>TagValue</c>. Only DescribeActivations
    /// returns them; empty (never null) otherwise.
    /// </summary>
    [JsonPropertyName("Tags")]
    public IReadOnlyList<Tag> Tags
    {
        get => _tags;
        init => _tags = value ?? Array.Empty<Tag>();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Activation {ActivationId} (Disabled: {Disabled}, Registered: {RegisteredCount}/{InstanceCount}, Deregistered: {DeregisteredCount}, Created: {CreationTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, TTL: {TimeToLiveInHours}h)";
}
