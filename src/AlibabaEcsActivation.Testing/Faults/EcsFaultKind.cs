namespace AlibabaEcsActivation.Testing;

/// <summary>How an <see cref="EcsFault"/> misbehaves.</summary>
public enum EcsFaultKind
{
    /// <summary>Answers with a documented-style error body (RequestId, HostId, Code, Message, Recommend) in the requested format.</summary>
    Error = 0,

    /// <summary>Answers with a fixed body that is not an Alibaba Cloud document (an HTML 503 page, a garbled 200).</summary>
    RawResponse = 1,

    /// <summary>Waits, then processes the request normally. Abandoned if the client gives up first.</summary>
    Delay = 2,

    /// <summary>Closes the connection without answering (the handler throws <see cref="System.Net.Http.HttpRequestException"/>). The action does not run.</summary>
    DropConnection = 3,

    /// <summary>
    /// The action runs (the state changes), then the connection is closed without an answer: the client
    /// cannot tell whether its request took effect. See <see cref="EcsFault.ActThenReset"/>.
    /// </summary>
    ActThenReset = 4,

    /// <summary>
    /// The action runs, and its success answer is sent cut short (the first half of the body, with a
    /// matching Content-Length): complete by length, but not a document. See <see cref="EcsFault.ActThenTruncate"/>.
    /// </summary>
    ActThenTruncate = 5,

    /// <summary>
    /// The request is accepted and the action runs after a delay (emulator clock) even if the client has
    /// given up by then; the answer reaches the client only if it is still waiting. See <see cref="EcsFault.ActLate"/>.
    /// </summary>
    ActLate = 6,
}
