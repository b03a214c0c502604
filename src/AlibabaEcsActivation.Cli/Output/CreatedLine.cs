namespace AlibabaEcsActivation.Cli.Output;

/// <summary>
/// What <c>create</c> prints on stdout, once: the new code's ID and its one-time ActivationCode (the
/// service never shows it again), with the ClientToken and RequestId.
/// </summary>
internal sealed record CreatedLine(string Id, string ActivationCode, string ClientToken, string? RequestId, int Attempts)
{
    public string ToText() =>
        $"ActivationId:   {Id}\nActivationCode: {ActivationCode}\nClientToken:    {ClientToken}\nRequestId:      {RequestId ?? "(none)"}";
}
