using System;
using System.Collections.Generic;
using System.Linq;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>
/// DescribeActivations: the region's codes that match every filter given, ordered by ActivationId
/// (ordinal), one page at a time.
/// <list type="bullet">
/// <item><description>Filters: ActivationId (exact), InstanceName (exact: the filter names a code's default
/// instance-name prefix, and the API notes describe no partial matching), ResourceGroupId (exact), and
/// <c>Tag.N.Key</c>/<c>Tag.N.Value</c> (the code carries every tag; a tag without a value matches on the key).</description></item>
/// <item><description>Token paging when MaxResults or NextToken is sent (1 to 50, default 10): PageNumber and PageSize are
/// then ignored, as documented, and the answer carries NextToken (omitted on the last page) but no TotalCount.</description></item>
/// <item><description>Otherwise numbered pages: PageNumber from 1 (default 1), PageSize 1 to 50 (default 10); the answer
/// carries PageNumber, PageSize and TotalCount. A page past the end is empty.</description></item>
/// </list>
/// <c>ActivationList</c> and each entry's <c>Tags</c> are plain JSON arrays.
/// </summary>
internal sealed class DescribeActivationsAction : IEmulatedAction
{
    public const int MaxPageSize = 50;
    public const int DefaultPageSize = 10;

    public string Name => "DescribeActivations";

    public void Execute(ActionContext context, ResponseNode response)
    {
        List<EmulatedActivation> matches = Matching(context);
        if (context.Optional("MaxResults") is not null || context.Optional("NextToken") is not null)
        {
            int maxResults = (int)(context.OptionalNumber("MaxResults", 1, MaxPageSize) ?? DefaultPageSize);
            string? after = context.Optional("NextToken") is { } token ? PageToken.Decode(token) : null;
            List<EmulatedActivation> rest = after is null ? matches : matches.Where(a => string.CompareOrdinal(a.ActivationId, after) > 0).ToList();
            List<EmulatedActivation> page = rest.Take(maxResults).ToList();
            if (rest.Count > page.Count)
            {
                response.Add("NextToken", PageToken.Encode(page[^1].ActivationId));
            }

            response.AddList("ActivationList", page.Select(ActivationDocument.Listed).ToList());
            return;
        }

        long pageNumber = context.OptionalNumber("PageNumber", 1, int.MaxValue) ?? 1;
        int pageSize = (int)(context.OptionalNumber("PageSize", 1, MaxPageSize) ?? DefaultPageSize);
        IEnumerable<EmulatedActivation> numbered = (pageNumber - 1) * pageSize >= matches.Count
            ? []
            : matches.Skip((int)((pageNumber - 1) * pageSize)).Take(pageSize);
        response
            .Add("PageSize", pageSize)
            .Add("PageNumber", pageNumber)
            .Add("TotalCount", matches.Count)
            .AddList("ActivationList", numbered.Select(ActivationDocument.Listed).ToList());
    }

    private static List<EmulatedActivation> Matching(ActionContext context)
    {
        string? activationId = context.Optional("ActivationId");
        string? instanceName = context.Optional("InstanceName");
        string? resourceGroupId = context.Optional("ResourceGroupId");
        IReadOnlyList<(string Key, string? Value)> tags = TagParameters.Read(context.Parameters, creating: false);
        return context.Store.InRegion(context.RegionId)
            .Where(a => activationId is null || a.ActivationId == activationId)
            .Where(a => instanceName is null || a.InstanceName == instanceName)
            .Where(a => resourceGroupId is null || a.ResourceGroupId == resourceGroupId)
            .Where(a => tags.All(wanted => a.Tags.Any(t => t.Key == wanted.Key && (wanted.Value is null || t.Value == wanted.Value))))
            .ToList();
    }
}
