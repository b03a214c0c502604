using System;

namespace AlibabaEcsActivation;

/// <summary>
/// No answer could be had from the endpoint: DNS, TCP, TLS or a connection dropped mid-response,
/// on every attempt. <see cref="Exception.InnerException"/> holds the last network error.
/// </summary>
public class EcsConnectionException : EcsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, naming the endpoint host (never a query string).</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The last network error.</param>
    public EcsConnectionException(string message, int attempts, Exception? innerException)
        : base(message, attempts, innerException)
    {
    }
}
