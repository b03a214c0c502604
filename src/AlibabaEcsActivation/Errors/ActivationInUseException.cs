using System;

namespace AlibabaEcsActivation;

/// <summary><c>ActivationId.InUse</c>: the activation code still has registered managed instances, so it cannot be deleted. Deregister them, or disable the code instead.</summary>
public class ActivationInUseException : EcsServiceException
{
    /// <summary>Creates the exception from the service's error.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ActivationInUseException(EcsError error, int attempts = 1, Exception? innerException = null)
        : base(error, attempts, innerException)
    {
    }
}
