using System.IO;
using System.Threading;

namespace AlibabaEcsActivation.Cli.Tests.Support;

/// <summary>Stdout that presses Ctrl+C (cancels) as soon as the first result line is written: an interruption at a known point.</summary>
internal sealed class CancellingWriter : StringWriter
{
    private readonly CancellationTokenSource _interrupt;

    public CancellingWriter(CancellationTokenSource interrupt) => _interrupt = interrupt;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        _interrupt.Cancel();
    }
}
