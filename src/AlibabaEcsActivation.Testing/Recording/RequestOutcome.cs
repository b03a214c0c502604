namespace AlibabaEcsActivation.Testing;

/// <summary>
/// What the client got from a request. Whether the action itself ran is recorded beside it, in
/// <see cref="RecordedRequest.ActionStatusCode"/>: the two differ under the <c>Act…</c> faults.
/// </summary>
public enum RequestOutcome
{
    /// <summary>The client is still waiting (e.g. inside a <see cref="EcsFault.Delay"/> or an <see cref="EcsFault.ActLate"/>).</summary>
    Pending = 0,

    /// <summary>Answered with a 2xx and the action's result.</summary>
    Succeeded = 1,

    /// <summary>Answered with an error status (a service error or a scripted fault).</summary>
    Failed = 2,

    /// <summary>
    /// The connection was dropped on purpose, without an answer: before the action
    /// (<see cref="EcsFault.DropConnection"/>) or after it (<see cref="EcsFault.ActThenReset"/>).
    /// </summary>
    Dropped = 3,

    /// <summary>
    /// The client went away (timeout or cancellation) before the answer was ready. After an
    /// <see cref="EcsFault.ActLate"/>, the action may still run (or have run) on its own.
    /// </summary>
    Abandoned = 4,

    /// <summary>
    /// Answered with the action's 2xx status but the body cut short (<see cref="EcsFault.ActThenTruncate"/>):
    /// complete by its Content-Length, yet not a document the client can parse.
    /// </summary>
    Truncated = 5,
}
