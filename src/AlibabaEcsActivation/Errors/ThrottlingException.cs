using System;

namespace AlibabaEcsActivation;

/// <summary>A <c>Throttling*</c> code: the request rate exceeded a quota. Retried automatically with a longer backoff unless disabled; thrown when every retry was throttled too.</summary>
public class ThrottlingException : EcsServiceException
{
    /// <summary>Creates the exception from the service's error.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    /// <param name="retryAfter">The wait the service asked for (header <c>x-acs-retry-after</c>), if any.</param>
    public ThrottlingException(EcsError error, int attempts = 1, Exception? innerException = null, TimeSpan? retryAfter = null)
        : base(error, attempts, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the service asked the caller to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
