using System;
using System.Text.Json.Serialization.Metadata;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// What an action's success looks like: how its body is read, what a valid one must hold, and which
/// failure is a success after all.
/// </summary>
/// <typeparam name="T">The action's response model.</typeparam>
internal sealed class ResponseContract<T>
    where T : class
{
    private readonly Func<T, string?> _whyInvalid;
    private readonly Func<EcsException, T?>? _recover;

    /// <param name="reader">The source-generated reader of the body.</param>
    /// <param name="whyInvalid">Why a parsed body is no valid success (a field missing, or contradicting the action), or null when it is one.</param>
    /// <param name="recover">The result a call's final failure stands for when it means the action took effect, or null when it does not.</param>
    public ResponseContract(JsonTypeInfo<T> reader, Func<T, string?> whyInvalid, Func<EcsException, T?>? recover = null)
    {
        Reader = reader;
        _whyInvalid = whyInvalid;
        _recover = recover;
    }

    public JsonTypeInfo<T> Reader { get; }

    /// <summary>Why <paramref name="response"/> is no valid success, or null when it is one.</summary>
    public string? WhyInvalid(T response) => _whyInvalid(response);

    /// <summary>The result <paramref name="failure"/> stands for, or null when it is a failure.</summary>
    public T? Recover(EcsException failure) => _recover?.Invoke(failure);
}
