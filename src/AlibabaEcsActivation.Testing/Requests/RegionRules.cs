using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AlibabaEcsActivation.Endpoints;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Requests;

/// <summary>
/// Which regions answer the activation APIs: the 16 the API reference lists. Any other ID shaped
/// like an Alibaba Cloud region (<c>eu-central-1</c>, <c>ap-southeast-5</c>, <c>cn-nanjing</c>) gets
/// <c>RegionId.ApiNotSupported</c>; anything else <c>InvalidRegionId.NotFound</c>.
/// </summary>
internal static partial class RegionRules
{
    private static readonly HashSet<string> Supported = SupportedRegions.All.ToHashSet(StringComparer.Ordinal);

    /// <exception cref="ServiceError">The region does not serve these APIs.</exception>
    public static void Check(string regionId)
    {
        if (Supported.Contains(regionId))
        {
            return;
        }

        throw RegionShape().IsMatch(regionId) ? ServiceError.RegionNotSupported() : ServiceError.RegionNotFound();
    }

    [GeneratedRegex("^(cn|ap|eu|us|me|na|sa|af|rus)-[a-z]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionShape();
}
