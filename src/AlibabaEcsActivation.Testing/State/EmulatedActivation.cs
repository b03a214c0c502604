using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// An activation code as the emulator stores it: one region's record, with the fields the API
/// returns. Immutable; the emulator replaces the record atomically when an action changes it.
/// </summary>
public sealed record EmulatedActivation
{
    /// <summary>The activation code's ID, e.g. <c>4ECEEE12-56F1-4FBC-9AB1-890F1234****</c>. Required.</summary>
    public required string ActivationId { get; init; }

    /// <summary>The region the code lives in, e.g. <c>cn-hangzhou</c>. Required.</summary>
    public required string RegionId { get; init; }

    /// <summary>The default name prefix of instances registered with the code.</summary>
    public string InstanceName { get; init; } = string.Empty;

    /// <summary>The description given at creation.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The most managed instances the code may register (1 to 1000).</summary>
    public int InstanceCount { get; init; } = 10;

    /// <summary>How many managed instances have registered with the code.</summary>
    public int RegisteredCount { get; init; }

    /// <summary>How many registered instances have since been deregistered.</summary>
    public int DeregisteredCount { get; init; }

    /// <summary>Validity after creation, in hours. The emulator accepts 1 to 876,576 (100 years; see <c>CreateActivation</c>).</summary>
    public long TimeToLiveInHours { get; init; } = 4;

    /// <summary>The IP address or CIDR block allowed to use the code, e.g. <c>0.0.0.0/0</c>.</summary>
    public string IpAddressRange { get; init; } = "0.0.0.0/0";

    /// <summary>When the code was created (UTC; returned with second precision).</summary>
    public DateTimeOffset CreationTime { get; init; }

    /// <summary>True once the code has been disabled.</summary>
    public bool Disabled { get; init; }

    /// <summary>The resource group, e.g. <c>rg-123******</c>; empty when none was given.</summary>
    public string ResourceGroupId { get; init; } = string.Empty;

    /// <summary>The tags given at creation, in order (up to 20).</summary>
    public IReadOnlyList<EmulatedTag> Tags { get; init; } = [];

    /// <summary>When the code stops registering new instances: <see cref="CreationTime"/> plus <see cref="TimeToLiveInHours"/>.</summary>
    public DateTimeOffset ExpiresAt => CreationTime.AddHours(TimeToLiveInHours);

    /// <summary>Managed instances registered with the code and not deregistered: what makes DeleteActivation answer <c>ActivationId.InUse</c>.</summary>
    public int InUseCount => RegisteredCount - DeregisteredCount;

    /// <summary>
    /// The documented example activation (<c>4ECEEE12-56F1-4FBC-9AB1-890F1234****</c> in
    /// <c>cn-hangzhou</c>), which a new emulator holds unless told otherwise.
    /// </summary>
    public static EmulatedActivation DocumentedExample { get; } = new()
    {
        ActivationId = "4ECEEE12-56F1-4FBC-9AB1-890F1234****",
        RegionId = "cn-hangzhou",
        InstanceName = "test-InstanceName",
        Description = "This is description.",
        InstanceCount = 1,
        RegisteredCount = 1,
        DeregisteredCount = 1,
        TimeToLiveInHours = 4,
        IpAddressRange = "0.0.0.0/0",
        CreationTime = new DateTimeOffset(2021, 1, 20, 6, 0, 0, TimeSpan.Zero),
        Disabled = false,
    };
}
