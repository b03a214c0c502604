using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>
/// A tiny JSON tree written out as raw text, so the fuzzer can build what System.Text.Json's writer
/// refuses to: duplicate keys, lone surrogate escapes, numbers of any size, keys with escapes.
/// </summary>
internal abstract class JNode
{
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\" + new string(Enumerable.Range(0, 0x20).Select(c => (char)c).Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)).ToArray()));

    public abstract void Write(StringBuilder sb);

    public abstract JNode Clone();

    public override string ToString()
    {
        var sb = new StringBuilder();
        Write(sb);
        return sb.ToString();
    }

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(ToString());

    /// <summary>A JSON string literal for <paramref name="value"/>: quotes, backslashes, control characters
    /// and every surrogate escaped (so a lone surrogate in the C# string becomes a lone <c>\uD800</c> escape).</summary>
    public static string Quote(string value)
    {
        if (value.AsSpan().IndexOfAny(NeedsEscape) < 0)
        {
            return "\"" + value + "\"";
        }

        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            if (c == '"' || c == '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c < 0x20 || char.IsSurrogate(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }
}

/// <summary>Any raw token: a string literal, a number, true/false/null, or deliberately broken text.</summary>
internal sealed class JLit(string raw) : JNode
{
    public string Raw { get; set; } = raw;

    public bool IsString => Raw.Length > 0 && Raw[0] == '"';

    public static JLit Str(string value) => new(Quote(value));

    public static JLit Num(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static JLit Bool(bool value) => new(value ? "true" : "false");

    public static JLit Null() => new("null");

    public override void Write(StringBuilder sb) => sb.Append(Raw);

    public override JNode Clone() => new JLit(Raw);
}

internal sealed class JArr(List<JNode> items) : JNode
{
    public JArr(params JNode[] items)
        : this(new List<JNode>(items))
    {
    }

    public List<JNode> Items { get; } = items;

    public override void Write(StringBuilder sb)
    {
        sb.Append('[');
        for (int i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            Items[i].Write(sb);
        }

        sb.Append(']');
    }

    public override JNode Clone() => new JArr(Items.ConvertAll(i => i.Clone()));
}

internal sealed class JObj : JNode
{
    public List<(string RawKey, JNode Value)> Props { get; } = new();

    /// <summary>Adds a property with a plain key (quoted here).</summary>
    public JObj Add(string key, JNode value)
    {
        Props.Add((Quote(key), value));
        return this;
    }

    public override void Write(StringBuilder sb)
    {
        sb.Append('{');
        for (int i = 0; i < Props.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(Props[i].RawKey).Append(':');
            Props[i].Value.Write(sb);
        }

        sb.Append('}');
    }

    public override JNode Clone()
    {
        var copy = new JObj();
        foreach (var (key, value) in Props)
        {
            copy.Props.Add((key, value.Clone()));
        }

        return copy;
    }
}
