using System.Text.Json.Serialization;

namespace AlibabaEcsActivation;

/// <summary>
/// A tag on an activation code: a key and an optional value. In requests the client sends tags as
/// <c>Tag.N.Key</c>/<c>Tag.N.Value</c> (N from 1, in list order); in DescribeActivations responses
/// the service returns them as <c>Tags[].TagKey</c>/<c>Tags[].TagValue</c>, read into this same type.
/// </summary>
public sealed class Tag
{
    /// <summary>Creates a tag.</summary>
    /// <param name="key">The key, e.g. <c>team</c>. CreateActivation requires 1 to 64 characters not starting with <c>aliyun</c> or <c>acs:</c>.</param>
    /// <param name="value">The value, e.g. <c>ops</c>; up to 128 characters. Empty is a real value and is sent as <c>Tag.N.Value=</c>;
    /// null sends no <c>Tag.N.Value</c> at all.</param>
    [JsonConstructor]
    public Tag(string key, string? value)
    {
        // A response that omits TagKey still yields a usable object; requests are validated separately.
        Key = key ?? string.Empty;
        Value = value;
    }

    /// <summary>The tag key. Never null (empty if a response omitted it).</summary>
    [JsonPropertyName("TagKey")]
    public string Key { get; }

    /// <summary>The tag value; may be empty. Null means no value (not sent in requests, absent in responses).</summary>
    [JsonPropertyName("TagValue")]
    public string? Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value is null ? Key : $"{Key}={Value}";
}
