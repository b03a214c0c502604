using System;

namespace AlibabaEcsActivation;

/// <summary>
/// No usable credentials: none were configured or found, or a credentials source failed. The
/// message names the sources tried and why each gave none; it never contains a secret.
/// </summary>
public class EcsCredentialsException : EcsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was tried and why it failed, without secrets.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EcsCredentialsException(string message, Exception? innerException = null)
        : base(message, 0, innerException)
    {
    }
}
