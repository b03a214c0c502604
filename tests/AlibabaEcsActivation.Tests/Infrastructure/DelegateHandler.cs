using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Tests.Infrastructure;

/// <summary>A handler that answers with a delegate that sees the request's cancellation token.</summary>
public sealed class DelegateHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return respond(request, cancellationToken);
    }

    /// <summary>Never answers; completes only by cancellation.</summary>
    public static DelegateHandler Hanging() => new(async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("unreachable");
    });
}
