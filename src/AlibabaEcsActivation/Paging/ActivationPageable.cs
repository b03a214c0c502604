using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation;

/// <summary>
/// Every activation code of a listing, read page by page while it is enumerated (what
/// <see cref="IEcsActivationClient.DescribeAllActivationsAsync"/> returns). Each enumeration lists afresh,
/// from the first page. <see cref="AsPages"/> gives the pages themselves, each with the continuation token
/// of the pages after it, so that a long listing can stop and later continue where it stopped.
/// Shaped like Azure's <c>AsyncPageable&lt;T&gt;</c>; abstract so that it can be substituted in tests,
/// and <see cref="FromPages"/> makes one from fixed pages.
/// </summary>
public abstract class ActivationPageable : IAsyncEnumerable<Activation>
{
    /// <summary>For subclasses: a listing with no cancellation token of its own.</summary>
    protected ActivationPageable()
    {
    }

    /// <summary>For subclasses: a listing that stops when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">The token of the call that made the listing, honoured by every enumeration.</param>
    protected ActivationPageable(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    /// <summary>The token of the call that made the listing, honoured by every enumeration besides the enumeration's own.</summary>
    protected virtual CancellationToken CancellationToken { get; }

    /// <summary>
    /// The pages of the listing, read lazily: a page is requested only when the previous one is consumed.
    /// Each page is one DescribeActivations response; its <see cref="DescribeActivationsResponse.NextToken"/>
    /// is the continuation token of the pages after it (null or empty on the last page).
    /// </summary>
    /// <param name="continuationToken">Null lists from the start; a page's <see cref="DescribeActivationsResponse.NextToken"/>
    /// continues with the page after it; an empty string (the last page's) lists nothing.</param>
    /// <returns>The pages, each enumeration afresh; <c>WithCancellation</c> adds a token.</returns>
    public abstract IAsyncEnumerable<DescribeActivationsResponse> AsPages(string? continuationToken = null);

    /// <summary>Enumerates the codes of every page, from the start of the listing.</summary>
    /// <param name="cancellationToken">Stops the enumeration, besides the listing's own token.</param>
    /// <returns>The codes, page after page.</returns>
    public virtual async IAsyncEnumerator<Activation> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (DescribeActivationsResponse page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (Activation activation in page.ActivationList)
            {
                // Checked between codes too: a page holds up to 50, and the caller may stop within one.
                cancellationToken.ThrowIfCancellationRequested();
                CancellationToken.ThrowIfCancellationRequested();
                yield return activation;
            }
        }
    }

    /// <summary>
    /// A listing of fixed pages, to return from a substitute of <see cref="IEcsActivationClient"/>.
    /// <see cref="AsPages"/> with a token yields the pages after the one whose NextToken it is.
    /// </summary>
    /// <param name="pages">The pages, in order.</param>
    /// <returns>A listing that sends nothing.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="pages"/> is null.</exception>
    public static ActivationPageable FromPages(IEnumerable<DescribeActivationsResponse> pages) =>
        new Paging.FixedPagesPageable(pages ?? throw new System.ArgumentNullException(nameof(pages)));
}
