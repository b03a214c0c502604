using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging.Testing;

namespace AlibabaEcsActivation.Tests.Infrastructure;

/// <summary>All the text a log record carries, for asserting what a sink could ever write out.</summary>
public static class LogRecordText
{
    /// <summary>
    /// Level, category, formatted message, every structured value, every scope and the exception: a secret
    /// kept out of the message alone could still reach a structured sink through the others.
    /// </summary>
    public static string AllText(this FakeLogRecord record)
    {
        IEnumerable<string> values = record.StructuredState?.Select(p => $"{p.Key}={p.Value}") ?? [];
        IEnumerable<string> scopes = record.Scopes.Select(s => s?.ToString() ?? string.Empty);
        return $"{record.Level} {record.Category}: {record.Message} [{string.Join(";", values)}] [{string.Join(";", scopes)}] {record.Exception}";
    }
}
