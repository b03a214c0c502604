using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Tests.Infrastructure;

/// <summary>A handler that answers with a delegate that sees the request's cancellation token.</summary>
public sealed class DelegateHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    // A guard against a test that would otherwise wait for ever, never a wait that a test relies on.
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _entered = new(0);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when the next request (one not awaited before) has reached the handler.</summary>
    public async Task NextRequestAsync()
    {
        if (!await _entered.WaitAsync(Stuck))
        {
            throw new TimeoutException("No request reached the handler.");
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        Task<HttpResponseMessage> response = respond(request, cancellationToken);
        _entered.Release();
        return response;
    }

    /// <summary>Never answers; completes only by cancellation.</summary>
    public static DelegateHandler Hanging() => new(async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("unreachable");
    });
}
