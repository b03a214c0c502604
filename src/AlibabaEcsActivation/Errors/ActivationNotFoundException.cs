using System;

namespace AlibabaEcsActivation;

/// <summary><c>ActivationId.NotFound</c>: no activation code with that ID exists in the region. Check the ID and that the region is the one the code was created in.</summary>
public class ActivationNotFoundException : EcsServiceException
{
    /// <summary>Creates the exception from the service's error.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ActivationNotFoundException(EcsError error, int attempts = 1, Exception? innerException = null)
        : base(error, attempts, innerException)
    {
    }
}
