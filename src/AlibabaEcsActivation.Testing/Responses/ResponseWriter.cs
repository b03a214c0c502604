using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace AlibabaEcsActivation.Testing.Responses;

/// <summary>
/// Writes a <see cref="ResponseNode"/> as the service does: JSON when the request said
/// <c>Format=JSON</c> (any case), otherwise XML, the API's default.
/// </summary>
internal static class ResponseWriter
{
    public const string JsonContentType = "application/json;charset=utf-8";
    public const string XmlContentType = "text/xml;charset=utf-8";

    public static bool WantsJson(string? format) => string.Equals(format, "JSON", StringComparison.OrdinalIgnoreCase);

    public static (string ContentType, string Body) Write(ResponseNode node, bool json) =>
        json ? (JsonContentType, ToJson(node)) : (XmlContentType, ToXml(node));

    public static string ToJson(ResponseNode node)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping: the bodies are not embedded in HTML, and '&' stays readable in Recommend URLs.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJsonObject(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ToXml(ResponseNode node)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true };
        builder.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        using (var writer = XmlWriter.Create(builder, settings))
        {
            WriteXmlElement(writer, node);
        }

        return builder.ToString();
    }

    private static void WriteJsonObject(Utf8JsonWriter writer, ResponseNode node)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in node.Fields)
        {
            writer.WritePropertyName(name);
            switch (value)
            {
                case string s: writer.WriteStringValue(s); break;
                case long n: writer.WriteNumberValue(n); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case ResponseNode child: WriteJsonObject(writer, child); break;
                case IReadOnlyList<ResponseNode> items:
                    writer.WriteStartArray();
                    foreach (ResponseNode item in items)
                    {
                        WriteJsonObject(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteXmlElement(XmlWriter writer, ResponseNode node)
    {
        writer.WriteStartElement(node.Name);
        foreach (var (name, value) in node.Fields)
        {
            switch (value)
            {
                case string s: writer.WriteElementString(name, s); break;
                case long n: writer.WriteElementString(name, n.ToString(CultureInfo.InvariantCulture)); break;
                case bool b: writer.WriteElementString(name, b ? "true" : "false"); break;
                case ResponseNode child: WriteXmlElement(writer, child); break;
                case IReadOnlyList<ResponseNode> items:
                    writer.WriteStartElement(name);
                    foreach (ResponseNode item in items)
                    {
                        WriteXmlElement(writer, item);
                    }

                    writer.WriteEndElement();
                    break;
            }
        }

        writer.WriteEndElement();
    }
}
