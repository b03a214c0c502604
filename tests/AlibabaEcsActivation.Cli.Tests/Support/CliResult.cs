using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace AlibabaEcsActivation.Cli.Tests.Support;

/// <summary>What one in-process run of the tool left: its exit code, stdout and stderr.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> OutLines => Lines(Out);

    public IReadOnlyList<string> ErrorLines => Lines(Error);

    /// <summary>The stdout lines without their <c>RequestId=...</c> (a fresh one per answer), to compare with fixed text.</summary>
    public IReadOnlyList<string> OutLinesWithoutRequestIds => OutLines.Select(WithoutRequestId).ToList();

    /// <summary>A result line without its trailing <c>RequestId=...</c>.</summary>
    public static string WithoutRequestId(string line) => Regex.Replace(line, "  RequestId=[^ ]+$", string.Empty);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}
