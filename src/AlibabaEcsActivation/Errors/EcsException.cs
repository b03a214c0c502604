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

    /// <summary>
    /// For a failed <c>CreateActivation</c>: the idempotency token the call sent, null for other actions.
    /// The code may have been created although the answer was lost; create again with
    /// <see cref="CreateActivationRequest.ClientToken"/> set to this value to get that same code (with its
    /// one-time ActivationCode) instead of a second one.
    /// </summary>
    public string? ClientToken { get; internal set; }

    /// <summary>The message, followed by what each failed attempt met when the call made more than one.</summary>
    public override string Message => AttemptSummary is null ? base.Message : $"{base.Message} [{AttemptSummary}]";

    /// <summary>What the call's failed attempts met, e.g. "3 attempts: 2x InternalError.Dispatch, 1x AttemptTimeout".</summary>
    internal string? AttemptSummary { get; set; }

    /// <summary>True when an earlier attempt of the call may have been carried out although its answer was lost.</summary>
    internal bool FollowsUnknownOutcome { get; set; }
}
