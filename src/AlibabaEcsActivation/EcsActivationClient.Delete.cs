using System;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Serialization;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation;

public partial class EcsActivationClient
{
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

        var parameters = new RpcParameters()
            .Set("ActivationId", InputValidator.RequireId(request.ActivationId, nameof(request), "activation ID (DeleteActivationRequest.ActivationId)"));
        RpcCall call = CreateCall("DeleteActivation", request.RegionId, parameters);
        return _invoker.InvokeAsync(call, EcsJsonContext.Default.DeleteActivationResponse, MissingDeletedActivation, cancellationToken);
    }

    private static string? MissingDeletedActivation(DeleteActivationResponse response) =>
        response.Activation is null ? "The response has no Activation object." : null;
}
