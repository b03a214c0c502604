using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation;

// The rest of the activation-code lifecycle: create, list, delete, and disable many codes at once.
// Kept in its own file so that the DisableActivation surface in IEcsActivationClient.cs stays short.
public partial interface IEcsActivationClient
{
    /// <summary>
    /// Creates an activation code that servers outside Alibaba Cloud use to register as managed instances.
    /// <para>The response's <see cref="CreateActivationResponse.ActivationCode"/> is <b>returned only this once</b>:
    /// store it securely now and never log it. Retries are safe: one <see cref="CreateActivationRequest.ClientToken"/>
    /// (generated when not given) is sent on every attempt, so the service creates at most one code per call.</para>
    /// <para>The token is on the response and, when the call fails, on the exception (<see cref="EcsException.ClientToken"/>):
    /// a code may exist although its answer was lost, and creating again with that token returns it instead of a second one.</para>
    /// </summary>
    /// <param name="request">The code's settings; every field is optional.</param>
    /// <param name="cancellationToken">Cancels the call, retries and backoff included.</param>
    /// <returns>The new code's ID and its secret code string.</returns>
    /// <exception cref="System.ArgumentException">A field breaks a documented rule (lengths, positive count, tag rules, ClientToken format); nothing was sent.</exception>
    /// <exception cref="EcsServiceException">The service returned an error (e.g. <c>InvalidParameter</c>, a quota); see its subclasses.</exception>
    /// <exception cref="EcsConnectionException">The endpoint could not be reached on any attempt.</exception>
    /// <exception cref="EcsRequestTimeoutException">The call or every attempt timed out.</exception>
    /// <exception cref="EcsCredentialsException">No usable credentials.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<CreateActivationResponse> CreateActivationAsync(CreateActivationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists one page of activation codes, optionally filtered. Page with PageNumber/PageSize or with
    /// MaxResults/NextToken, not both. To read every page use <see cref="DescribeAllActivationsAsync"/>.
    /// </summary>
    /// <param name="request">Filters and the page to return; <c>new DescribeActivationsRequest()</c> returns the service's first page.</param>
    /// <param name="cancellationToken">Cancels the call, retries and backoff included.</param>
    /// <returns>The page: its codes, and either the next token or the page number and total count.</returns>
    /// <exception cref="System.ArgumentException">Both paging modes are set, a count is not positive or a filter is malformed; nothing was sent.</exception>
    /// <exception cref="EcsServiceException">The service returned an error; see its subclasses.</exception>
    /// <exception cref="EcsConnectionException">The endpoint could not be reached on any attempt.</exception>
    /// <exception cref="EcsRequestTimeoutException">The call or every attempt timed out.</exception>
    /// <exception cref="EcsCredentialsException">No usable credentials.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<DescribeActivationsResponse> DescribeActivationsAsync(DescribeActivationsRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every activation code that matches the filters, reading pages lazily with MaxResults/NextToken:
    /// a page is requested only when the previous one is consumed, and the listing ends when the service returns
    /// no NextToken. Each enumeration lists afresh. <see cref="ActivationPageable.AsPages"/> gives the pages with
    /// their continuation token (NextToken), so that a long listing can stop and continue later.
    /// </summary>
    /// <param name="request">Filters (ActivationId, InstanceName, ResourceGroupId, Tags), the region, optionally
    /// MaxResults as the page size (default 50) and NextToken to start from. PageNumber/PageSize must be unset. Null lists everything.</param>
    /// <param name="cancellationToken">Stops every enumeration of the listing; <c>WithCancellation</c> adds a token to one.</param>
    /// <returns>The codes, page after page; enumerable any number of times, nothing is sent until then.</returns>
    /// <exception cref="System.ArgumentException">Thrown by this call (before any I/O) when PageNumber/PageSize is set or a filter is malformed.</exception>
    /// <exception cref="EcsException">Thrown while enumerating when a page cannot be read (after retries).</exception>
    /// <exception cref="System.OperationCanceledException">Thrown while enumerating once cancellation is requested.</exception>
    ActivationPageable DescribeAllActivationsAsync(DescribeActivationsRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an unused activation code. A code that still has registered managed instances cannot be deleted
    /// (<see cref="ActivationInUseException"/>): deregister them first, or disable the code instead.
    /// <para>When an attempt's answer is lost and a retry finds the code gone, the call succeeds with
    /// <see cref="DeleteActivationResponse.DeletedByEarlierAttempt"/> set, not with a NotFound.</para>
    /// </summary>
    /// <param name="request">The activation code and, optionally, its region.</param>
    /// <param name="cancellationToken">Cancels the call, retries and backoff included.</param>
    /// <returns>The code as it was when deleted (the service does not report <c>Disabled</c> here), or
    /// <see cref="DeleteActivationResponse.DeletedByEarlierAttempt"/> without it.</returns>
    /// <exception cref="System.ArgumentException">The request is missing the ID or holds an invalid value; nothing was sent.</exception>
    /// <exception cref="ActivationInUseException">The code still has registered managed instances (<c>ActivationId.InUse</c>).</exception>
    /// <exception cref="ActivationNotFoundException">No such activation code in the region, and no earlier attempt of this call can have deleted it.</exception>
    /// <exception cref="EcsServiceException">The service returned another error (see its subclasses).</exception>
    /// <exception cref="EcsConnectionException">The endpoint could not be reached on any attempt.</exception>
    /// <exception cref="EcsRequestTimeoutException">The call or every attempt timed out.</exception>
    /// <exception cref="EcsCredentialsException">No usable credentials.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<DeleteActivationResponse> DeleteActivationAsync(DeleteActivationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes an unused activation code in the client's default region. See <see cref="DeleteActivationAsync(DeleteActivationRequest, CancellationToken)"/>.</summary>
    /// <param name="activationId">The ID of the activation code.</param>
    /// <param name="cancellationToken">Cancels the call, retries and backoff included.</param>
    /// <returns>The code as it was when deleted.</returns>
    Task<DeleteActivationResponse> DeleteActivationAsync(string activationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Disables many activation codes by ID, at most <see cref="BulkDisableOptions.MaxConcurrency"/> at a time,
    /// and reports an outcome per code instead of stopping at the first error. The run adapts to the service's flow
    /// control: it paces its attempts at the rate the service accepts and lets more calls in while they succeed,
    /// backing off on <c>Throttling</c> (see <see cref="BulkDisableOptions.MaxConcurrency"/>). Each call retries
    /// server faults as usual, and throttling at the run's pace; a code whose call was throttled on every attempt is called
    /// again when the service accepted other calls meanwhile, and fails with the throttling only when it accepted none. The prior state is not looked up (that would double the calls during an incident),
    /// so a code that was already disabled is reported as <see cref="ActivationDisableStatus.Disabled"/>.
    /// </summary>
    /// <param name="activationIds">The IDs; repeats are disabled once. An empty list makes no call.</param>
    /// <param name="options">Concurrency and region; null uses the defaults. <see cref="BulkDisableOptions.AllInRegion"/> must be false.</param>
    /// <param name="cancellationToken">Cancels the whole operation (codes already disabled stay disabled).</param>
    /// <returns>One outcome per distinct ID, in input order.</returns>
    /// <exception cref="System.ArgumentException">An ID or option is invalid; nothing was sent.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<BulkDisableResult> DisableActivationsAsync(IEnumerable<string> activationIds, BulkDisableOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Disables every enabled activation code that matches <paramref name="filter"/>: lists all matches first,
    /// then disables the enabled ones at most <see cref="BulkDisableOptions.MaxConcurrency"/> at a time, at the pace the
    /// service's flow control allows (as <see cref="DisableActivationsAsync"/> does). Codes
    /// already disabled are reported as <see cref="ActivationDisableStatus.AlreadyDisabled"/> without a call;
    /// failures are reported per code.
    /// <para>A filter that sets no condition (ActivationId, InstanceName, ResourceGroupId or Tags) would match
    /// every code in the region, so it is refused unless <see cref="BulkDisableOptions.AllInRegion"/> is true.</para>
    /// </summary>
    /// <param name="filter">Filters and region, as for <see cref="DescribeAllActivationsAsync"/> (PageNumber/PageSize unset).</param>
    /// <param name="options">Concurrency, and <see cref="BulkDisableOptions.AllInRegion"/> for an empty filter; its RegionId must be null (the filter holds the region).</param>
    /// <param name="cancellationToken">Cancels the whole operation (codes already disabled stay disabled).</param>
    /// <returns>One outcome per listed code, in listing order.</returns>
    /// <exception cref="System.ArgumentException">The filter or options are invalid, or the filter is empty without
    /// <see cref="BulkDisableOptions.AllInRegion"/> (or sets a condition with it); nothing was sent.</exception>
    /// <exception cref="EcsException">The listing failed (after retries); no code was disabled.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<BulkDisableResult> DisableMatchingActivationsAsync(DescribeActivationsRequest filter, BulkDisableOptions? options = null, CancellationToken cancellationToken = default);
}
