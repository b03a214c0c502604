using System.Collections.Generic;
using System.CommandLine;

namespace AlibabaEcsActivation.Cli.Options;

/// <summary>The filters of <c>list</c> and <c>disable --all-enabled</c>: DescribeActivations' own.</summary>
internal sealed class FilterOptions
{
    public Option<string> InstanceName { get; } = new("--instance-name")
    {
        Description = "only codes with this default instance name (InstanceName, matched as the service matches it)",
        HelpName = "name",
    };

    public Option<Tag[]> Tags { get; } = new("--tag")
    {
        Description = "only codes with this tag; repeatable (all must match)",
        HelpName = "key=value",
        CustomParser = ValueParsers.Tags,
    };

    public Option<string> ResourceGroup { get; } = new("--resource-group")
    {
        Description = "only codes in this resource group (its ID)",
        HelpName = "id",
    };

    public IEnumerable<Option> All => new Option[] { InstanceName, Tags, ResourceGroup };

    /// <summary>True when any filter was given.</summary>
    public bool AnyGiven(ParseResult parsed) =>
        parsed.GetResult(InstanceName) is not null || parsed.GetResult(Tags) is not null || parsed.GetResult(ResourceGroup) is not null;

    /// <summary>The DescribeActivations request of the filters, in <paramref name="region"/>.</summary>
    public DescribeActivationsRequest ToRequest(ParseResult parsed, string region)
    {
        Tag[]? tags = parsed.GetValue(Tags);
        return new DescribeActivationsRequest
        {
            RegionId = region,
            InstanceName = parsed.GetValue(InstanceName),
            ResourceGroupId = parsed.GetValue(ResourceGroup),
            Tags = tags is { Length: > 0 } ? tags : null,
        };
    }

    /// <summary>How the filter reads to a person, for the confirmation: "instance name 'web', tag env=prod".</summary>
    public static string Describe(DescribeActivationsRequest filter)
    {
        var parts = new List<string>();
        if (filter.InstanceName is not null)
        {
            parts.Add($"instance name '{filter.InstanceName}'");
        }

        foreach (Tag tag in filter.Tags ?? System.Array.Empty<Tag>())
        {
            parts.Add($"tag {tag.Key}={tag.Value}");
        }

        if (filter.ResourceGroupId is not null)
        {
            parts.Add($"resource group {filter.ResourceGroupId}");
        }

        return string.Join(", ", parts);
    }
}
