using System;
using System.IO;
using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace AlibabaEcsActivation;

/// <summary>
/// Reads an error response whatever its shape: the documented JSON body, the XML body the API sends
/// when <c>Format</c> is XML, or anything else (an HTML page from a load balancer, an empty body).
/// </summary>
internal static class ErrorBodyParser
{
    internal const string StringToSignMarker = "server string to sign is:";

    public static ErrorBody Parse(int statusCode, string body, string? headerRequestId)
    {
        string trimmed = body.TrimStart();
        Fields? fields = null;
        string kind = string.Empty;
        if (trimmed.StartsWith("{", StringComparison.Ordinal))
        {
            fields = TryParseJson(trimmed);
            kind = ", JSON-like";
        }
        else if (trimmed.StartsWith("<", StringComparison.Ordinal))
        {
            fields = TryParseXml(trimmed);
            kind = ", markup";
        }

        if (fields is null || (fields.Code is null && fields.Message is null))
        {
            return new ErrorBody(new EcsError(statusCode, code: null, Describe(body, kind), fields?.RequestId ?? headerRequestId), null);
        }

        (string? message, string? serverStringToSign) = SplitStringToSign(fields.Message);
        var error = new EcsError(statusCode, fields.Code, message, fields.RequestId ?? headerRequestId, fields.HostId, fields.Recommend);
        return new ErrorBody(error, serverStringToSign);
    }

    /// <summary>Separates the server's string-to-sign from a <c>SignatureDoesNotMatch</c> message.</summary>
    internal static (string? Message, string? ServerStringToSign) SplitStringToSign(string? message)
    {
        if (message is null)
        {
            return (null, null);
        }

        int at = message.IndexOf(StringToSignMarker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return (message, null);
        }

        string server = message.Substring(at + StringToSignMarker.Length).Trim();
        return (message.Substring(0, at + StringToSignMarker.Length) + " <redacted>", server.Length == 0 ? null : server);
    }

    /// <summary>
    /// Says what the body was without quoting it: a body that is not an error document may be anything,
    /// a success body with a one-time ActivationCode or a page that echoes the signed URL included.
    /// </summary>
    private static string Describe(string body, string kind) => body.Length == 0
        ? "The response had no body."
        : $"The response body is not an Alibaba Cloud error document ({body.Length.ToString(CultureInfo.InvariantCulture)} chars{kind}).";

    private static Fields? TryParseJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var fields = new Fields();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                try
                {
                    string? value = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                        _ => null,
                    };
                    fields.Set(property.Name, value);
                }
                catch (InvalidOperationException)
                {
                    // A name or value that is not valid UTF-16 (a lone surrogate escape): that field is unreadable, the rest may not be.
                }
            }

            return fields;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Fields? TryParseXml(string body)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = body.Length + 1 };
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), settings);
            var fields = new Fields();
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement && Fields.IsKnown(reader.LocalName))
                {
                    string name = reader.LocalName;
                    fields.Set(name, reader.ReadElementContentAsString()); // leaves the reader on the next node
                }
                else
                {
                    reader.Read();
                }
            }

            return fields;
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The documented error fields; the first occurrence of each wins, names match either case.</summary>
    private sealed class Fields
    {
        public string? RequestId { get; private set; }
        public string? HostId { get; private set; }
        public string? Code { get; private set; }
        public string? Message { get; private set; }
        public string? Recommend { get; private set; }

        public static bool IsKnown(string name) =>
            name.Equals("RequestId", StringComparison.OrdinalIgnoreCase) || name.Equals("HostId", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Code", StringComparison.OrdinalIgnoreCase) || name.Equals("Message", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Recommend", StringComparison.OrdinalIgnoreCase);

        public void Set(string name, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            if (name.Equals("RequestId", StringComparison.OrdinalIgnoreCase)) { RequestId ??= value; }
            else if (name.Equals("HostId", StringComparison.OrdinalIgnoreCase)) { HostId ??= value; }
            else if (name.Equals("Code", StringComparison.OrdinalIgnoreCase)) { Code ??= value; }
            else if (name.Equals("Message", StringComparison.OrdinalIgnoreCase)) { Message ??= value; }
            else if (name.Equals("Recommend", StringComparison.OrdinalIgnoreCase)) { Recommend ??= value; }
        }
    }
}
