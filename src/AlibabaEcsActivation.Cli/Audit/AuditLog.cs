using System;
using System.IO;
using System.Text;
using System.Text.Json;
using AlibabaEcsActivation.Cli.Output;

namespace AlibabaEcsActivation.Cli.Audit;

/// <summary>
/// <c>--audit-log FILE</c>: appends one JSON line per API call outcome, each written through to the file
/// before the next, so that what happened survives the tool being killed. Safe to call from several threads.
/// </summary>
internal sealed class AuditLog : IDisposable
{
    private readonly StreamWriter? _writer;
    private readonly object _gate = new();

    private AuditLog(StreamWriter? writer) => _writer = writer;

    /// <summary>A log that writes nothing (no <c>--audit-log</c>).</summary>
    public static AuditLog None { get; } = new(null);

    /// <summary>Opens <paramref name="path"/> for appending (created when missing).</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static AuditLog Open(string path)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new AuditLog(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
    }

    public void Write(AuditEntry entry)
    {
        if (_writer is null)
        {
            return;
        }

        string line = JsonSerializer.Serialize(entry, CliJsonContext.Output.AuditEntry);
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    public void Dispose() => _writer?.Dispose();
}
