using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation;

/// <summary>
/// Client for Alibaba Cloud ECS activation codes (Cloud Assistant managed instances). Implementations
/// are thread-safe; register one per application (see <c>AddEcsActivationClient</c>) and share it.
/// Mock this interface in your own tests, or run the real client against the local emulator.
/// </summary>
public partial interface IEcsActivationClient
{
    /// <summary>
    /// Disables an activation code so it can no longer register managed instances; instances it
    /// already registered keep working. Safe to repeat: disabling a disabled code succeeds.
    /// </summary>
    /// <param name="request">The activation code and, optionally, its region.</param>
    /// <param name="cancellationToken">Cancels the call, retries and backoff included.</param>
    /// <returns>The activation code as it stands after the call.</returns>
    /// <exception cref="System.ArgumentException">The request is missing the ID or holds an invalid value; nothing was sent.</exception>
    /// <exception cref="ActivationNotFoundException">No such activation code in the region.</exception>
    /// <exception cref="EcsServiceException">The service returned another error (see its subclasses).</exception>
    /// <exception cref="EcsConnectionException">The endpoint could not be reached on any attempt.</exception>
    /// <exception cref="EcsRequestTimeoutException">The call or every attempt timed out.</exception>
    /// <exception cref="EcsCredentialsException">No usable credentials.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<DisableActivationResponse> DisableActivationAsync(DisableActivationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Disables an activation code in the client's default region. See <see cref="DisableActivationAsync(DisableActivationRequest, CancellationToken)"/>.</summary>
    /// <param name="activationId">The ID of the activation code.</param>
    /// <param name="cancellationToken">Cancels the call, retries and backoff included.</param>
    /// <returns>The activation code as it stands after the call.</returns>
    Task<DisableActivationResponse> DisableActivationAsync(string activationId, CancellationToken cancellationToken = default);
}
