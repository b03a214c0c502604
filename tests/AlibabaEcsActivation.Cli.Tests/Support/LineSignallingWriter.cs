using System.IO;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Cli.Tests.Support;

/// <summary>Stdout that tells when its first line is written: the emulator's "Listening on" line.</summary>
internal sealed class LineSignallingWriter : StringWriter
{
    private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> FirstLine => _firstLine.Task;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        _firstLine.TrySetResult(value ?? string.Empty);
    }
}
