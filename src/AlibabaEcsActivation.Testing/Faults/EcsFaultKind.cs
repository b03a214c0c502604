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

    /// <summary>Closes the connection without answering (the handler throws <see cref="System.Net.Http.HttpRequestException"/>).</summary>
    DropConnection = 3,
}
