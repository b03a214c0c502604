using System;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Serialization;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation;

public partial class EcsActivationClient
{
    /// <summary>
    /// Deleting is not idempotent: once an attempt whose answer was lost may have deleted the code, a
    /// later attempt's <c>ActivationId.NotFound</c> means the code is gone, not that it never was.
    /// </summary>
    private static readonly ResponseContract<DeleteActivationResponse> DeletedCode = new(
        EcsJsonContext.Default.DeleteActivationResponse,
        response => response.Activation is null ? "The response has no Activation object." : NullEntries.In(response.Activation),
        failure => failure is ActivationNotFoundException { FollowsUnknownOutcome: true } notFound
            ? new DeleteActivationResponse { RequestId = notFound.RequestId, DeletedByEarlierAttempt = true }
            : null);

    /// <inheritdoc />
    public virtual Task<DeleteActivationResponse> DeleteActivationAsync(string activationId, CancellationToken cancellationToken = default) =>
        DeleteActivationAsync(new DeleteActivationRequest(InputValidator.RequireId(activationId, nameof(activationId), "activation ID")), cancellationToken);

    /// <inheritdoc />
    public virtual Task<DeleteActivationResponse> DeleteActivationAsync(DeleteActivationRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        string activationId = InputValidator.RequireId(request.ActivationId, nameof(request), "activation ID (DeleteActivationRequest.ActivationId)");
        return _invoker.InvokeAsync(ActivationCall("DeleteActivation", activationId, request.RegionId), DeletedCode, cancellationToken);
    }
}
