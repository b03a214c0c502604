using System.Collections.Generic;
using System.Globalization;

namespace AlibabaEcsActivation;

/// <summary>
/// Parameters of DescribeActivations: filters and one page. Page in either of two modes, never both:
/// <list type="bullet">
/// <item><description>numbered pages: <see cref="PageNumber"/> and <see cref="PageSize"/>; the response's TotalCount is meaningful;</description></item>
/// <item><description>tokens: <see cref="MaxResults"/> and <see cref="NextToken"/> (from the previous response); TotalCount is then not meaningful.</description></item>
/// </list>
/// Setting a field of each mode is an <see cref="System.ArgumentException"/>. With no paging field the
/// service returns its first page of 10. To read every page, use <c>DescribeAllActivationsAsync</c>.
/// </summary>
public sealed class DescribeActivationsRequest
{
    /// <summary>Only the code with this ID.</summary>
    public string? ActivationId { get; init; }

    /// <summary>Only codes with this default instance name (matched as the service defines it).</summary>
    public string? InstanceName { get; init; }

    /// <summary>Only codes in this resource group, e.g. <c>rg-123******</c>.</summary>
    public string? ResourceGroupId { get; init; }

    /// <summary>Only codes carrying these tags (1 to 20 when set; keys non-empty, at most 64 characters). A null
    /// <see cref="Tag.Value"/> sends the key alone.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>Numbered-page mode: the page to return, from 1 (service default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Numbered-page mode: entries per page, positive (the service documents at most 50, default 10).</summary>
    public int? PageSize { get; init; }

    /// <summary>Token mode: entries per page, positive (the service documents at most 50, default 10).</summary>
    public int? MaxResults { get; init; }

    /// <summary>Token mode: the <see cref="DescribeActivationsResponse.NextToken"/> of the previous page; null for the first page.</summary>
    public string? NextToken { get; init; }

    /// <summary>The region to list, e.g. <c>cn-hangzhou</c>. Null uses <see cref="EcsActivationClientOptions.RegionId"/>.</summary>
    public string? RegionId { get; init; }

    /// <summary>True when a numbered-page field (<see cref="PageNumber"/>, <see cref="PageSize"/>) is set.</summary>
    internal bool UsesPageNumbers => PageNumber is not null || PageSize is not null;

    /// <summary>True when a token field (<see cref="MaxResults"/>, <see cref="NextToken"/>) is set.</summary>
    internal bool UsesTokens => MaxResults is not null || NextToken is not null;

    /// <inheritdoc />
    public override string ToString() =>
        $"DescribeActivationsRequest {{ ActivationId = {ActivationId}, InstanceName = {InstanceName}, ResourceGroupId = {ResourceGroupId}, Tags = {Tags?.Count ?? 0}, " +
        $"PageNumber = {Format(PageNumber)}, PageSize = {Format(PageSize)}, MaxResults = {Format(MaxResults)}, NextToken = {NextToken}, RegionId = {RegionId ?? "(default)"} }}";

    /// <summary>A copy of the filters with token paging set to the given page.</summary>
    internal DescribeActivationsRequest WithTokenPage(int maxResults, string? nextToken) => new()
    {
        ActivationId = ActivationId,
        InstanceName = InstanceName,
        ResourceGroupId = ResourceGroupId,
        Tags = Tags,
        MaxResults = maxResults,
        NextToken = nextToken,
        RegionId = RegionId,
    };

    private static string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
