using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace AlibabaEcsActivation.Paging;

/// <summary>
/// The client's listing: every enumeration reads the pages afresh through <c>readPages</c>, from the
/// request's own NextToken or from the continuation token given to <see cref="AsPages"/>.
/// </summary>
internal sealed class DescribeActivationsPageable : ActivationPageable
{
    private readonly Func<string?, CancellationToken, IAsyncEnumerable<DescribeActivationsResponse>> _readPages;
    private readonly string? _startToken;

    /// <param name="readPages">Reads the pages from a token (null: the first page) until the last one.</param>
    /// <param name="startToken">Where an enumeration without a continuation token starts (the request's NextToken).</param>
    /// <param name="cancellationToken">The call's token.</param>
    public DescribeActivationsPageable(Func<string?, CancellationToken, IAsyncEnumerable<DescribeActivationsResponse>> readPages, string? startToken, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _readPages = readPages;
        _startToken = startToken;
    }

    public override IAsyncEnumerable<DescribeActivationsResponse> AsPages(string? continuationToken = null) => continuationToken switch
    {
        null => _readPages(_startToken, CancellationToken),
        "" => FromPages(Enumerable.Empty<DescribeActivationsResponse>()).AsPages(), // the last page's token: nothing is left
        _ => _readPages(continuationToken, CancellationToken),
    };

    public override string ToString() => "DescribeActivationsPageable";
}
