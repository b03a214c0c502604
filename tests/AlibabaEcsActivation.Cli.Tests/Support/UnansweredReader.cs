using System;
using System.IO;
using System.Threading;

namespace AlibabaEcsActivation.Cli.Tests.Support;

/// <summary>Stdin at which nobody answers: a read says it started, then waits until the test ends.</summary>
internal sealed class UnansweredReader : TextReader
{
    private readonly ManualResetEventSlim _ended = new();

    /// <summary>Called when a read starts (the question is waiting).</summary>
    public Action? ReadStarted { get; set; }

    public override string? ReadLine()
    {
        ReadStarted?.Invoke();
        _ended.Wait();
        return null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ended.Set();
        }

        base.Dispose(disposing);
    }
}
