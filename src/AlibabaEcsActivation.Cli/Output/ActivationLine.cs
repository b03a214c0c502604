using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AlibabaEcsActivation.Cli.Output;

/// <summary>One code as <c>list</c> prints it: a text line, or with <c>--json</c> one JSON object.</summary>
internal sealed record ActivationLine
{
    public required string Id { get; init; }

    /// <summary>Enabled or Disabled.</summary>
    public required string Status { get; init; }

    public string? InstanceName { get; init; }
    public int InstanceCount { get; init; }
    public int RegisteredCount { get; init; }
    public int DeregisteredCount { get; init; }
    public string? IpAddressRange { get; init; }
    public string? ResourceGroupId { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset CreationTime { get; init; }
    public IReadOnlyDictionary<string, string?>? Tags { get; init; }

    public static ActivationLine From(Activation activation) => new()
    {
        Id = activation.ActivationId ?? string.Empty,
        Status = activation.Disabled ? "Disabled" : "Enabled",
        InstanceName = activation.InstanceName,
        InstanceCount = activation.InstanceCount,
        RegisteredCount = activation.RegisteredCount,
        DeregisteredCount = activation.DeregisteredCount,
        IpAddressRange = activation.IpAddressRange,
        ResourceGroupId = activation.ResourceGroupId,
        Description = activation.Description,
        CreationTime = activation.CreationTime,
        Tags = activation.Tags.Count == 0 ? null : activation.Tags.GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
    };

    /// <summary>ID, status, instance name, registered/instance count, creation time.</summary>
    public string ToText() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id}  {Status,-8}  {(string.IsNullOrEmpty(InstanceName) ? "-" : InstanceName)}  registered {RegisteredCount}/{InstanceCount}  created {CreationTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
}
