using System;
using System.IO;

namespace AlibabaEcsActivation.Cli.Hosting;

/// <summary>
/// The world a command runs in: its streams, clock, environment and whether a person is at the terminal.
/// The process passes its own (<see cref="FromProcess"/>); tests pass writers, a fake clock and an
/// environment of their own, and run the commands in-process.
/// </summary>
internal sealed class CliHost
{
    /// <summary>Results: one line per code, or the created code. Nothing else goes here.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Progress, prompts, summaries and errors.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Answers to the confirmation, and the IDs of <c>--ids-from -</c>.</summary>
    public required TextReader In { get; init; }

    /// <summary>The clock of progress, summaries and the audit log's times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Reads an environment variable (the credentials chain's settings); null when unset.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Where the credentials files are looked for: <c>~/.aliyun</c>, <c>~/.alibabacloud</c>.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>True when stdin is a terminal, so a person can answer the confirmation.</summary>
    public bool IsInputTerminal { get; init; }

    /// <summary>True when stderr is a terminal, so progress is one live line rather than a line every few seconds.</summary>
    public bool IsErrorTerminal { get; init; }

    /// <summary>The process's console, environment and home directory.</summary>
    public static CliHost FromProcess()
    {
        string? home = Environment.GetEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return new CliHost
        {
            Out = Console.Out,
            Error = Console.Error,
            In = Console.In,
            HomeDirectory = string.IsNullOrEmpty(home) ? null : home,
            IsInputTerminal = !Console.IsInputRedirected,
            IsErrorTerminal = !Console.IsErrorRedirected,
        };
    }
}
