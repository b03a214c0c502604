using System;
using System.Threading;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// A deadline on the injected <see cref="TimeProvider"/> that another token also cancels: the call's
/// deadline follows the caller's token, an attempt's deadline follows the call's.
/// </summary>
internal readonly struct LinkedDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _link;

    /// <param name="timeProvider">The clock the deadline runs on.</param>
    /// <param name="due">How long from now; longer than a timer can wait is no deadline.</param>
    /// <param name="follows">Cancels this deadline's token too.</param>
    public LinkedDeadline(TimeProvider timeProvider, TimeSpan due, CancellationToken follows)
    {
        _source = Deadlines.CreateSource(timeProvider, due);
        _link = follows.Register(static source => ((CancellationTokenSource)source!).Cancel(), _source);
    }

    /// <summary>Cancelled at the deadline, or when the followed token is.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Unlinks first, so the followed token can no longer cancel a disposed source.</summary>
    public void Dispose()
    {
        _link.Dispose();
        _source.Dispose();
    }
}
