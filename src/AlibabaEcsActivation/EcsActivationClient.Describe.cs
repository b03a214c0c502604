using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Paging;
using AlibabaEcsActivation.Serialization;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation;

public partial class EcsActivationClient
{
    // An empty page is a valid answer; a null entry is not.
    private static readonly ResponseContract<DescribeActivationsResponse> DescribedPage = new(
        EcsJsonContext.Default.DescribeActivationsResponse, static page => NullEntries.In(page.ActivationList));

    /// <summary>The page size <see cref="DescribeAllActivationsAsync"/> asks for when the request sets none: the documented maximum, fewest calls.</summary>
    internal const int DefaultWalkPageSize = 50;

    /// <inheritdoc />
    public virtual Task<DescribeActivationsResponse> DescribeActivationsAsync(DescribeActivationsRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        ValidateDescribe(request);
        return DescribePageAsync(request, cancellationToken);
    }

    /// <summary>One page, unvalidated: the request is the caller's (validated already) or carries the service's own NextToken.</summary>
    private Task<DescribeActivationsResponse> DescribePageAsync(DescribeActivationsRequest request, CancellationToken cancellationToken)
    {
        var parameters = new RpcParameters()
            .SetIfPresent("ActivationId", request.ActivationId)
            .SetIfPresent("InstanceName", request.InstanceName)
            .SetIfPresent("ResourceGroupId", request.ResourceGroupId)
            .SetTags(request.Tags)
            .SetIfPresent("PageNumber", Number(request.PageNumber))
            .SetIfPresent("PageSize", Number(request.PageSize))
            .SetIfPresent("MaxResults", Number(request.MaxResults))
            .SetIfPresent("NextToken", request.NextToken);
        RpcCall call = CreateCall("DescribeActivations", request.RegionId, parameters);
        return _invoker.InvokeAsync(call, DescribedPage, cancellationToken);
    }

    /// <inheritdoc />
    public virtual ActivationPageable DescribeAllActivationsAsync(DescribeActivationsRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new DescribeActivationsRequest();
        ValidateWalk(request, nameof(request));
        return new DescribeActivationsPageable((token, ct) => ReadPagesAsync(request, token, ct), request.NextToken, cancellationToken);
    }

    /// <summary>Token-mode pages from <paramref name="token"/>: one call per page, the next call only when the caller wants more.</summary>
    private async IAsyncEnumerable<DescribeActivationsResponse> ReadPagesAsync(DescribeActivationsRequest request, string? token, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int pageSize = request.MaxResults ?? DefaultWalkPageSize;
        while (true)
        {
            // The service's token goes back as it came: it is not the caller's input to validate.
            DescribeActivationsResponse page = await DescribePageAsync(request.WithTokenPage(pageSize, token), cancellationToken).ConfigureAwait(false);
            yield return page;
            if (string.IsNullOrEmpty(page.NextToken))
            {
                yield break;
            }

            if (string.Equals(page.NextToken, token, StringComparison.Ordinal))
            {
                // Asking again with the same token would loop forever.
                throw new EcsInvalidResponseException(new EcsError(200, EcsErrorCodes.InvalidResponse, "DescribeActivations returned the NextToken it was given; paging cannot advance.", page.RequestId));
            }

            token = page.NextToken;
        }
    }

    private static void ValidateDescribe(DescribeActivationsRequest request)
    {
        if (request.UsesPageNumbers && request.UsesTokens)
        {
            throw new ArgumentException(
                "DescribeActivationsRequest mixes the two paging modes: set PageNumber/PageSize or MaxResults/NextToken, not both (with a token the service ignores page numbers).",
                nameof(request));
        }

        LifecycleInputValidator.OptionalId(request.ActivationId, nameof(request), "activation ID (DescribeActivationsRequest.ActivationId)");
        LifecycleInputValidator.OptionalText(request.InstanceName, 1, InputValidator.MaxIdLength, nameof(request), "instance name (DescribeActivationsRequest.InstanceName)");
        LifecycleInputValidator.OptionalId(request.ResourceGroupId, nameof(request), "resource group ID (DescribeActivationsRequest.ResourceGroupId)");
        LifecycleInputValidator.OptionalTags(request.Tags, creating: false, nameof(request), "DescribeActivationsRequest.Tags");
        LifecycleInputValidator.OptionalPositive(request.PageNumber, nameof(request), "page number (DescribeActivationsRequest.PageNumber)");
        LifecycleInputValidator.OptionalPositive(request.PageSize, nameof(request), "page size (DescribeActivationsRequest.PageSize)");
        LifecycleInputValidator.OptionalPositive(request.MaxResults, nameof(request), "page size (DescribeActivationsRequest.MaxResults)");

        // The token is the service's own opaque string: no length limit of ours.
        LifecycleInputValidator.OptionalText(request.NextToken, 1, int.MaxValue, nameof(request), "paging token (DescribeActivationsRequest.NextToken)");
    }

    /// <summary>A walk pages with tokens: numbered-page fields would be ignored by the service, so they are refused.</summary>
    private static void ValidateWalk(DescribeActivationsRequest request, string paramName)
    {
        if (request.UsesPageNumbers)
        {
            throw new ArgumentException(
                "Reading every page uses token paging: leave PageNumber and PageSize unset (MaxResults sets the page size, NextToken resumes a walk).",
                paramName);
        }

        ValidateDescribe(request);
    }
}
