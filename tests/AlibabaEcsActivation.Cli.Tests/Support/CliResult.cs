using System;
using System.Collections.Generic;
using System.Linq;

namespace AlibabaEcsActivation.Cli.Tests.Support;

/// <summary>What one in-process run of the tool left: its exit code, stdout and stderr.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> OutLines => Lines(Out);

    public IReadOnlyList<string> ErrorLines => Lines(Error);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
}
