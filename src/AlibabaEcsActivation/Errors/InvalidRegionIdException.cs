using System;

namespace AlibabaEcsActivation;

/// <summary><c>InvalidRegionId.NotFound</c>: the region ID does not exist. Use an ID such as <c>cn-hangzhou</c> (see DescribeRegions).</summary>
public class InvalidRegionIdException : EcsServiceException
{
    /// <summary>Creates the exception from the service's error.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public InvalidRegionIdException(EcsError error, int attempts = 1, Exception? innerException = null)
        : base(error, attempts, innerException)
    {
    }
}
