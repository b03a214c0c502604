using System;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Sdk;

/// <summary>The caller's CancellationToken stops a call in flight, and it is reported as cancellation, never as a timeout.</summary>
public class CancellationOverHttpTests : LoopbackEmulatorTest
{
    [Fact]
    public async Task Cancelling_while_the_service_is_slow_throws_OperationCanceledException()
    {
        Emulator.Faults.Enqueue(EcsFault.Delay(Timeout.InfiniteTimeSpan));
        using var client = CreateClient();
        using var cancel = new CancellationTokenSource();

        Task<DisableActivationResponse> call = client.DisableActivationAsync(SeededId, cancel.Token);
        await Emulator.Requests.WaitForRequestsAsync(1);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Cancelled_call_is_not_retried()
    {
        Emulator.Faults.Enqueue(EcsFault.Delay(Timeout.InfiniteTimeSpan), count: 5);
        using var client = CreateClient();
        using var cancel = new CancellationTokenSource();

        Task<DisableActivationResponse> call = client.DisableActivationAsync(SeededId, cancel.Token);
        await Emulator.Requests.WaitForRequestsAsync(1);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(1, Emulator.Requests.Received);
        Assert.False(Emulator.Activations.Find("cn-hangzhou", SeededId)!.Disabled);
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        using var client = CreateClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DisableActivationAsync(SeededId, new CancellationToken(canceled: true)));

        Assert.Equal(0, Emulator.Requests.Received);
    }
}
