using System;

namespace AlibabaEcsActivation;

/// <summary>
/// The service rejected the credentials or the signature: an unknown or disabled AccessKey, a bad
/// or expired STS token, a signature mismatch, a stale timestamp or a reused nonce. Never retried:
/// the same request fails the same way until the credentials or the clock are fixed.
/// </summary>
public class EcsAuthenticationException : EcsServiceException
{
    /// <summary>Creates the exception from the service's error.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EcsAuthenticationException(EcsError error, int attempts = 1, Exception? innerException = null)
        : base(error, attempts, innerException, detail: null)
    {
    }

    /// <summary>Creates the exception with a sentence of diagnosis appended to the message.</summary>
    /// <param name="error">What the service returned.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    /// <param name="detail">A sentence of diagnosis added by this library, or null.</param>
    protected EcsAuthenticationException(EcsError error, int attempts, Exception? innerException, string? detail)
        : base(error, attempts, innerException, detail)
    {
    }
}
