using System.Collections.Generic;
using System.Linq;

namespace AlibabaEcsActivation.Paging;

/// <summary>A listing of pages given up front (<see cref="ActivationPageable.FromPages"/>), for substitutes in tests.</summary>
internal sealed class FixedPagesPageable : ActivationPageable
{
    private readonly IReadOnlyList<DescribeActivationsResponse> _pages;

    public FixedPagesPageable(IEnumerable<DescribeActivationsResponse> pages) => _pages = pages.ToList();

    public override IAsyncEnumerable<DescribeActivationsResponse> AsPages(string? continuationToken = null) => PagesAfter(continuationToken);

    public override string ToString() => $"FixedPagesPageable {{ Pages = {_pages.Count} }}";

#pragma warning disable CS1998 // the pages are in memory: nothing to await
    private async IAsyncEnumerable<DescribeActivationsResponse> PagesAfter(string? continuationToken)
    {
        // From the start, or from the page after the one that handed out the token.
        bool started = continuationToken is null;
        foreach (DescribeActivationsResponse page in _pages)
        {
            if (started)
            {
                yield return page;
            }
            else
            {
                started = page.NextToken == continuationToken;
            }
        }
    }
#pragma warning restore CS1998
}
