using System;

namespace AlibabaEcsActivation.Testing;

/// <summary>One AccessKey the emulator accepts; an STS credential also has a token and maybe an expiry.</summary>
internal sealed record EmulatorCredential(string AccessKeyId, string AccessKeySecret, string? SecurityToken, DateTimeOffset? Expiration)
{
    public bool IsSts => SecurityToken is not null;

    // The record's generated ToString would print the secret and the token.
    public override string ToString() => $"EmulatorCredential {{ AccessKeyId = {AccessKeyId}, Sts = {IsSts} }}";
}
