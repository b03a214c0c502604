using System;
using System.Collections.Generic;
using System.Threading;

namespace AlibabaEcsActivation.Paging;

/// <summary>
/// Wraps a lazy sequence so it can be enumerated only once. A compiler-generated async iterator would
/// happily start over on a second <c>await foreach</c>, silently repeating every API call; a paginator
/// enumerated twice is almost always a bug (e.g. <c>CountAsync</c> then <c>foreach</c>), so it throws instead.
/// </summary>
internal sealed class SingleUseAsyncEnumerable<T> : IAsyncEnumerable<T>
{
    private readonly string _secondUseMessage;
    private IAsyncEnumerable<T>? _source;

    public SingleUseAsyncEnumerable(IAsyncEnumerable<T> source, string secondUseMessage)
    {
        _source = source;
        _secondUseMessage = secondUseMessage;
    }

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        IAsyncEnumerable<T> source = Interlocked.Exchange(ref _source, null) ?? throw new InvalidOperationException(_secondUseMessage);
        return source.GetAsyncEnumerator(cancellationToken);
    }
}
