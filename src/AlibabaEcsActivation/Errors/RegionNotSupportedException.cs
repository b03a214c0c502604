using System;

namespace AlibabaEcsActivation;

/// <summary><c>RegionId.ApiNotSupported</c>: the region exists but does not offer the activation-code APIs. Use one of the regions Cloud Assistant managed instances support.</summary>
public class RegionNotSupportedException : EcsServiceException
{
    /// <summary>Creates the exception from the service's error.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public RegionNotSupportedException(EcsError error, int attempts = 1, Exception? innerException = null)
        : base(error, attempts, innerException)
    {
    }
}
