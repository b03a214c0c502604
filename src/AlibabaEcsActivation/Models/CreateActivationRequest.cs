using System.Collections.Generic;

namespace AlibabaEcsActivation;

/// <summary>
/// Parameters of CreateActivation. Every field is optional; unset fields are not sent and the
/// service applies its defaults (InstanceCount 10, TimeToLiveInHours 4).
/// </summary>
public sealed class CreateActivationRequest
{
    /// <summary>The default name prefix given to instances registered with the code: 2 to 50 characters,
    /// starting with a letter; may contain <c>.</c> <c>_</c> <c>-</c> <c>:</c> (the service checks the characters).</summary>
    public string? InstanceName { get; init; }

    /// <summary>A description of the code, 1 to 100 characters, e.g. <c>Servers in rack 12</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The most managed instances the code may register; must be positive (the service documents 1 to 1000, default 10).</summary>
    public int? InstanceCount { get; init; }

    /// <summary>How long the code can be used after creation, in hours (default 4). The documentation pages disagree
    /// on the upper bound, so the range is left to the service.</summary>
    public long? TimeToLiveInHours { get; init; }

    /// <summary>The IPv4/IPv6 address or CIDR block allowed to use the code, e.g. <c>0.0.0.0/0</c>. Checked by the service.</summary>
    public string? IpAddressRange { get; init; }

    /// <summary>The resource group to put the code in, e.g. <c>rg-123******</c>.</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>Tags for the code: 1 to 20 when set. Keys: 1 to 64 characters, not starting with <c>aliyun</c> or
    /// <c>acs:</c>; values: up to 128 characters, may be empty.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// An idempotency token (ASCII, at most 64 characters): the service creates one code per token, so
    /// a repeated request returns the same code instead of a second one. When null the client generates
    /// one per call (a GUID) and sends that same token on every retry of the call.
    /// </summary>
    public string? ClientToken { get; init; }

    /// <summary>The region to create the code in, e.g. <c>cn-hangzhou</c>. Null uses <see cref="EcsActivationClientOptions.RegionId"/>.</summary>
    public string? RegionId { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"CreateActivationRequest {{ InstanceName = {InstanceName}, InstanceCount = {InstanceCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(default)"}, " +
        $"TimeToLiveInHours = {TimeToLiveInHours?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(default)"}, Tags = {Tags?.Count ?? 0}, RegionId = {RegionId ?? "(default)"} }}";
}
