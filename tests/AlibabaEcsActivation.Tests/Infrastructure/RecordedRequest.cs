using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace AlibabaEcsActivation.Tests.Infrastructure;

/// <summary>What the client put on the wire for one attempt, decoded for assertions.</summary>
public sealed class RecordedRequest
{
    private RecordedRequest(HttpRequestMessage request)
    {
        Method = request.Method.Method;
        Uri = request.RequestUri!;
        RawQuery = Uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        Query = RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty), StringComparer.Ordinal);
        Headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        HasContent = request.Content is not null;
    }

    public string Method { get; }
    public Uri Uri { get; }
    public string RawQuery { get; }
    public IReadOnlyDictionary<string, string> Query { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }
    public bool HasContent { get; }

    public string this[string parameter] => Query[parameter];

    public static RecordedRequest From(HttpRequestMessage request) => new(request);
}
