using System;

namespace AlibabaEcsActivation;

/// <summary><c>Operation.Forbidden</c>: the service does not permit this operation on this resource.</summary>
public class OperationForbiddenException : EcsServiceException
{
    /// <summary>Creates the exception from the service's error.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public OperationForbiddenException(EcsError error, int attempts = 1, Exception? innerException = null)
        : base(error, attempts, innerException)
    {
    }
}
