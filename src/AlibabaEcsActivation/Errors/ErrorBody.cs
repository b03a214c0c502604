namespace AlibabaEcsActivation;

/// <summary>A parsed error response: the public error, plus the server's string-to-sign when it quoted one.</summary>
/// <param name="Error">The error with any string-to-sign removed from its message.</param>
/// <param name="ServerStringToSign">The string the server signed (holds the AccessKeyId and any token: never print it).</param>
internal sealed record ErrorBody(EcsError Error, string? ServerStringToSign)
{
    public override string ToString() => Error.ToString();
}
