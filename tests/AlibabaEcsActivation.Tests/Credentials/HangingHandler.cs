using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Tests.Credentials;

/// <summary>A server that never answers: the request ends only when it is cancelled.</summary>
internal sealed class HangingHandler : HttpMessageHandler
{
    private readonly TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a request has arrived (and so its time limit is running).</summary>
    public Task Received => _received.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _received.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new System.InvalidOperationException("unreachable");
    }
}
