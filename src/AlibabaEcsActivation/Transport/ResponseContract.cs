using System;
using System.Text.Json.Serialization.Metadata;

namespace AlibabaEcsActivation.Transport;

/// <summary>What an action's success looks like: how its body is read, and what a valid one must hold.</summary>
/// <typeparam name="T">The action's response model.</typeparam>
internal sealed class ResponseContract<T>
    where T : class
{
    private readonly Func<T, string?> _whyInvalid;

    /// <param name="reader">The source-generated reader of the body.</param>
    /// <param name="whyInvalid">Why a parsed body is no valid success (a field missing, or contradicting the action), or null when it is one.</param>
    public ResponseContract(JsonTypeInfo<T> reader, Func<T, string?> whyInvalid)
    {
        Reader = reader;
        _whyInvalid = whyInvalid;
    }

    public JsonTypeInfo<T> Reader { get; }

    /// <summary>Why <paramref name="response"/> is no valid success, or null when it is one.</summary>
    public string? WhyInvalid(T response) => _whyInvalid(response);
}
