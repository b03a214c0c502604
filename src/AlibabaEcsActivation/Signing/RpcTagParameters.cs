using System.Collections.Generic;
using System.Globalization;

namespace AlibabaEcsActivation.Signing;

/// <summary>
/// Flattens a tag list the way the official runtime does: <c>Tag.1.Key</c>, <c>Tag.1.Value</c>,
/// <c>Tag.2.Key</c>, … (1-based, list order). An empty value is still sent (<c>Tag.2.Value=</c>);
/// a null value is left out, as the runtime skips null leaves.
/// </summary>
internal static class RpcTagParameters
{
    public static RpcParameters SetTags(this RpcParameters parameters, IReadOnlyList<Tag>? tags)
    {
        if (tags is null)
        {
            return parameters;
        }

        for (int i = 0; i < tags.Count; i++)
        {
            string prefix = "Tag." + (i + 1).ToString(CultureInfo.InvariantCulture);
            parameters.Set(prefix + ".Key", tags[i].Key).SetIfPresent(prefix + ".Value", tags[i].Value);
        }

        return parameters;
    }
}
