using System;

namespace AlibabaEcsActivation;

/// <summary><c>InternalError.Dispatch</c>: the service failed to dispatch the request. Retried automatically; thrown only when every retry failed too.</summary>
public class DispatchErrorException : EcsServiceException
{
    /// <summary>Creates the exception from the service's error.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public DispatchErrorException(EcsError error, int attempts = 1, Exception? innerException = null)
        : base(error, attempts, innerException)
    {
    }
}
