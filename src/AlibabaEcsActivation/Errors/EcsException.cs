using System;

namespace AlibabaEcsActivation;

/// <summary>
/// Base of every exception this library throws for a failed call (other than
/// <see cref="ArgumentException"/> for bad input and <see cref="OperationCanceledException"/> when
/// the caller cancels). Catch this to handle every failure of the service, the network or the credentials.
/// </summary>
public class EcsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, for people. Never contains a secret.</param>
    /// <param name="attempts">How many HTTP attempts the call made before giving up (0 when none was sent).</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EcsException(string message, int attempts = 0, Exception? innerException = null)
        : base(message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>How many HTTP attempts the call made, retries included (0 when none was sent).</summary>
    public int Attempts { get; }
}
