using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using AlibabaEcsActivation.Cli.Audit;
using AlibabaEcsActivation.Cli.Hosting;

namespace AlibabaEcsActivation.Cli.Output;

/// <summary>
/// Reports a run's results as they complete: one line per code on stdout (text or JSON), its audit line,
/// and progress on stderr: on a terminal one live line (done/total, rate, ETA) redrawn as results come
/// and every second; otherwise a plain line every few seconds. Ends with a summary of the counts by status.
/// Results may come from several threads; they are written one at a time.
/// </summary>
internal sealed class ResultReporter : IDisposable
{
    /// <summary>How often progress is printed when stderr is not a terminal.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan LiveInterval = TimeSpan.FromSeconds(1);

    private readonly CliHost _host;
    private readonly bool _json;
    private readonly AuditLog _audit;
    private readonly string _region;
    private readonly string _action;
    private readonly int _total;
    private readonly long _started;
    private readonly ITimer _timer;
    private readonly object _gate = new();
    private readonly List<string> _statusOrder = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _done;
    private int _failures;
    private int _liveLength;

    /// <param name="host">Where results and progress go, and the clock.</param>
    /// <param name="json">Results as JSON lines.</param>
    /// <param name="audit">Where each call's outcome is recorded.</param>
    /// <param name="region">The region, for the audit log.</param>
    /// <param name="action">The API action of each result, for the audit log.</param>
    /// <param name="total">How many results are expected.</param>
    public ResultReporter(CliHost host, bool json, AuditLog audit, string region, string action, int total)
    {
        _host = host;
        _json = json;
        _audit = audit;
        _region = region;
        _action = action;
        _total = total;
        _started = host.TimeProvider.GetTimestamp();
        TimeSpan interval = host.IsErrorTerminal ? LiveInterval : PlainInterval;
        _timer = host.TimeProvider.CreateTimer(_ => Tick(), null, interval, interval);
    }

    /// <summary>True once any result was Failed or NotFound.</summary>
    public bool AnyFailed => Volatile.Read(ref _failures) > 0;

    /// <summary>Prints <paramref name="line"/> and, when <paramref name="audited"/> (it is the outcome of a call), its audit line.</summary>
    public void Report(ResultLine line, bool audited = true)
    {
        lock (_gate)
        {
            ClearLive();
            _host.Out.WriteLine(_json ? JsonSerializer.Serialize(line, CliJsonContext.Output.ResultLine) : line.ToText());
            _host.Out.Flush();
            if (audited)
            {
                _audit.Write(new AuditEntry
                {
                    Time = _host.TimeProvider.GetUtcNow(),
                    Action = _action,
                    Region = _region,
                    Id = line.Id,
                    Status = line.Status,
                    ErrorCode = line.ErrorCode,
                    RequestId = line.RequestId,
                    Attempts = line.Attempts,
                });
            }

            _done++;
            if (line.IsFailure)
            {
                _failures++;
            }

            if (!_counts.TryGetValue(line.Status, out int count))
            {
                _statusOrder.Add(line.Status);
            }

            _counts[line.Status] = count + 1;
            DrawLive();
        }
    }

    /// <summary>Stops the progress and prints the summary: "Summary: 2 Disabled, 1 Failed; 3/3 in 0.4s".</summary>
    /// <param name="interrupted">The run was interrupted: the summary says so, with how many of the codes got a result.</param>
    public void Finish(bool interrupted = false)
    {
        _timer.Dispose();
        lock (_gate)
        {
            ClearLive();
            var counts = new List<string>(_statusOrder.Count);
            foreach (string status in _statusOrder)
            {
                counts.Add($"{_counts[status]} {status}");
            }

            string what = counts.Count == 0 ? "nothing done" : string.Join(", ", counts);
            string elapsed = ProgressText.Duration(_host.TimeProvider.GetElapsedTime(_started));
            _host.Error.WriteLine($"{(interrupted ? "Interrupted" : "Summary")}: {what}; {_done}/{_total} in {elapsed}");
            _host.Error.Flush();
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Tick()
    {
        lock (_gate)
        {
            if (_host.IsErrorTerminal)
            {
                DrawLive();
            }
            else if (_done < _total)
            {
                _host.Error.WriteLine($"Progress: {Progress()}");
                _host.Error.Flush();
            }
        }
    }

    private string Progress() => ProgressText.Format(_done, _total, _host.TimeProvider.GetElapsedTime(_started));

    /// <summary>On a terminal, redraws the live line in place.</summary>
    private void DrawLive()
    {
        if (!_host.IsErrorTerminal || _done >= _total)
        {
            return;
        }

        string text = Progress();
        _host.Error.Write('\r' + text.PadRight(_liveLength));
        _host.Error.Flush();
        _liveLength = text.Length;
    }

    /// <summary>Erases the live line, so that a result or the summary starts on a clean line.</summary>
    private void ClearLive()
    {
        if (_liveLength == 0)
        {
            return;
        }

        _host.Error.Write('\r' + new string(' ', _liveLength) + '\r');
        _liveLength = 0;
    }
}
