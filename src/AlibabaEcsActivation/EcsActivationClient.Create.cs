using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Serialization;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation;

public partial class EcsActivationClient
{
    private static readonly ResponseContract<CreateActivationResponse> CreatedCode = new(EcsJsonContext.Default.CreateActivationResponse, MissingCreatedCode);

    /// <inheritdoc />
    public virtual Task<CreateActivationResponse> CreateActivationAsync(CreateActivationRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        LifecycleInputValidator.OptionalText(request.InstanceName, 2, 50, nameof(request), "instance name (CreateActivationRequest.InstanceName)");
        LifecycleInputValidator.OptionalText(request.Description, 1, 100, nameof(request), "description (CreateActivationRequest.Description)");
        LifecycleInputValidator.OptionalPositive(request.InstanceCount, nameof(request), "instance count (CreateActivationRequest.InstanceCount)");
        LifecycleInputValidator.OptionalText(request.IpAddressRange, 1, InputValidator.MaxIdLength, nameof(request), "IP address range (CreateActivationRequest.IpAddressRange)");
        LifecycleInputValidator.OptionalId(request.ResourceGroupId, nameof(request), "resource group ID (CreateActivationRequest.ResourceGroupId)");
        LifecycleInputValidator.OptionalTags(request.Tags, creating: true, nameof(request), "CreateActivationRequest.Tags");
        LifecycleInputValidator.OptionalClientToken(request.ClientToken, nameof(request));

        // Business parameters are built once per call; the invoker copies them into every attempt and
        // stamps a fresh nonce and timestamp there. So the generated ClientToken is the same on every
        // retry, which is what lets the service create the code only once.
        string clientToken = request.ClientToken ?? Guid.NewGuid().ToString("D");
        var parameters = new RpcParameters()
            .SetIfPresent("InstanceName", request.InstanceName)
            .SetIfPresent("Description", request.Description)
            .SetIfPresent("InstanceCount", Number(request.InstanceCount))
            .SetIfPresent("TimeToLiveInHours", Number(request.TimeToLiveInHours))
            .SetIfPresent("IpAddressRange", request.IpAddressRange)
            .SetIfPresent("ResourceGroupId", request.ResourceGroupId)
            .SetTags(request.Tags)
            .Set("ClientToken", clientToken);
        RpcCall call = CreateCall("CreateActivation", request.RegionId, parameters);
        return CreateAsync(call, clientToken, cancellationToken);
    }

    /// <summary>
    /// The token goes on the result and on every failure: a code may exist although its answer was lost,
    /// and creating again with the same token returns that code instead of a second one.
    /// </summary>
    private async Task<CreateActivationResponse> CreateAsync(RpcCall call, string clientToken, CancellationToken cancellationToken)
    {
        try
        {
            CreateActivationResponse response = await _invoker.InvokeAsync(call, CreatedCode, cancellationToken).ConfigureAwait(false);
            response.ClientToken = clientToken;
            return response;
        }
        catch (EcsException e)
        {
            e.ClientToken = clientToken;
            throw;
        }
    }

    private static string? MissingCreatedCode(CreateActivationResponse response)
    {
        if (string.IsNullOrEmpty(response.ActivationId))
        {
            return "The response has no ActivationId.";
        }

        // The ID is not secret; naming it lets the caller find (and delete) the code the service did create.
        return string.IsNullOrEmpty(response.ActivationCode)
            ? $"The response has no ActivationCode for activation {response.ActivationId}."
            : null;
    }

    /// <summary>Formats an optional number the way the official runtime does: invariant decimal.</summary>
    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
