using System;

namespace AlibabaEcsActivation;

/// <summary>
/// The call ran out of time: either every attempt hit <see cref="EcsActivationClientOptions.AttemptTimeout"/>,
/// or the whole call, retries included, exceeded <see cref="EcsActivationClientOptions.Timeout"/>.
/// A cancellation requested by the caller is never reported this way: it surfaces as
/// <see cref="OperationCanceledException"/>.
/// </summary>
public class EcsRequestTimeoutException : EcsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which timeout fired and its length.</param>
    /// <param name="timeout">The timeout that fired.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The underlying timeout, if any.</param>
    public EcsRequestTimeoutException(string message, TimeSpan timeout, int attempts, Exception? innerException = null)
        : base(message, attempts, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The length of the timeout that fired.</summary>
    public TimeSpan Timeout { get; }
}
