namespace AlibabaEcsActivation.Testing;

/// <summary>A tag on an emulated activation code, as CreateActivation received it (<c>Tag.N.Key</c>/<c>Tag.N.Value</c>).</summary>
/// <param name="Key">1 to 64 characters, not starting with <c>aliyun</c> or <c>acs:</c>.</param>
/// <param name="Value">Up to 128 characters; may be empty. Returned as <c>TagValue</c>.</param>
public sealed record EmulatedTag(string Key, string Value);
