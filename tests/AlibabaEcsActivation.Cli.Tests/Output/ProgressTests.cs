using System;
using System.IO;
using AlibabaEcsActivation.Cli.Audit;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Cli.Output;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Output;

/// <summary>Progress on stderr, driven by a fake clock: a plain line every few seconds off a terminal, one live line on it.</summary>
public sealed class ProgressTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void Off_a_terminal_it_prints_a_plain_progress_line_every_few_seconds_and_a_summary()
    {
        using ResultReporter reporter = Reporter(isTerminal: false, total: 4);

        reporter.Report(new ResultLine("A", "Disabled", null, null, 1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(string.Empty, _error.ToString());

        _clock.Advance(ResultReporter.PlainInterval - TimeSpan.FromSeconds(1));
        Assert.Equal($"Progress: 1/4 done, 0.2/s, ETA 15s{Environment.NewLine}", _error.ToString());

        reporter.Report(new ResultLine("B", "Failed", "Throttling.User", "R-1", 4));
        _clock.Advance(ResultReporter.PlainInterval);
        reporter.Finish();

        string[] lines = _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "Progress: 1/4 done, 0.2/s, ETA 15s", "Progress: 2/4 done, 0.2/s, ETA 10s", "Summary: 1 Disabled, 1 Failed; 2/4 in 10s" }, lines);
        Assert.DoesNotContain('\r', _error.ToString());
        Assert.Equal($"A  Disabled{Environment.NewLine}B  Failed  Throttling.User  RequestId=R-1{Environment.NewLine}", _out.ToString());
        Assert.True(reporter.AnyFailed);
    }

    [Fact]
    public void On_a_terminal_it_redraws_one_live_line_and_erases_it_before_results_and_the_summary()
    {
        using ResultReporter reporter = Reporter(isTerminal: true, total: 3);

        _clock.Advance(TimeSpan.FromSeconds(2));
        reporter.Report(new ResultLine("A", "Disabled", null, null, 1));
        Assert.EndsWith("\r1/3 done, 0.5/s, ETA 4.0s", _error.ToString());

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.EndsWith("\r1/3 done, 0.3/s, ETA 6.0s", _error.ToString());

        reporter.Finish();
        string error = _error.ToString();
        Assert.EndsWith($"\r{new string(' ', 25)}\rSummary: 1 Disabled; 1/3 in 3.0s{Environment.NewLine}", error);
        Assert.DoesNotContain('\n', error[..^Environment.NewLine.Length]);
    }

    [Fact]
    public void The_rate_and_ETA_read_as_a_person_reads_them()
    {
        Assert.Equal("0/10 done", ProgressText.Format(0, 10, TimeSpan.FromSeconds(3)));
        Assert.Equal("5/10 done, 2.5/s, ETA 2.0s", ProgressText.Format(5, 10, TimeSpan.FromSeconds(2)));
        Assert.Equal("10/10 done, 5.0/s", ProgressText.Format(10, 10, TimeSpan.FromSeconds(2)));
        Assert.Equal("1/300 done, 0.1/s, ETA 49m50s", ProgressText.Format(1, 300, TimeSpan.FromSeconds(10)));
    }

    private ResultReporter Reporter(bool isTerminal, int total) => new(
        new CliHost { Out = _out, Error = _error, In = TextReader.Null, TimeProvider = _clock, IsErrorTerminal = isTerminal },
        json: false,
        AuditLog.None,
        "cn-hangzhou",
        "DisableActivation",
        total);
}
