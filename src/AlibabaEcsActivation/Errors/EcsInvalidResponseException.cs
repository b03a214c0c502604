using System;

namespace AlibabaEcsActivation;

/// <summary>
/// The service answered with a success status but a body that is not the documented JSON (empty,
/// HTML, truncated, too large, or missing required fields) or one that contradicts itself (DisableActivation
/// answering <c>Disabled=false</c>, a list holding null). <see cref="EcsServiceException.ErrorCode"/>
/// is <see cref="EcsErrorCodes.InvalidResponse"/>. The operation may have taken effect, so the call asks
/// again (every action is safe to repeat); this is thrown when every attempt got such an answer.
/// </summary>
public class EcsInvalidResponseException : EcsServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The status, request ID and a description of what was wrong with the body.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    /// <param name="innerException">The parsing failure, if any.</param>
    public EcsInvalidResponseException(EcsError error, int attempts = 1, Exception? innerException = null)
        : base(error, attempts, innerException)
    {
    }
}
