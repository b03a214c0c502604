using System.Collections.Generic;

namespace AlibabaEcsActivation.Testing.Responses;

/// <summary>
/// A response document, format-neutral: named fields holding strings, numbers, booleans, nested
/// nodes or lists. Rendered as JSON or XML by <see cref="ResponseWriter"/>.
/// </summary>
/// <param name="name">The XML element name (the JSON root has none), e.g. <c>DisableActivationResponse</c>.</param>
internal sealed class ResponseNode(string name)
{
    private readonly List<KeyValuePair<string, object>> _fields = new();

    public string Name { get; } = name;

    public IReadOnlyList<KeyValuePair<string, object>> Fields => _fields;

    public ResponseNode Add(string name, string value) => Put(name, value);

    public ResponseNode Add(string name, long value) => Put(name, value);

    public ResponseNode Add(string name, bool value) => Put(name, value);

    public ResponseNode Add(ResponseNode child) => Put(child.Name, child);

    /// <summary>A JSON array; in XML a wrapper element holding one <paramref name="items"/> element each.</summary>
    public ResponseNode AddList(string name, IReadOnlyList<ResponseNode> items) => Put(name, items);

    private ResponseNode Put(string name, object value)
    {
        _fields.Add(new KeyValuePair<string, object>(name, value));
        return this;
    }
}
