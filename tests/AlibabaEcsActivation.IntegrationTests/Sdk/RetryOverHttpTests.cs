using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Sdk;

/// <summary>Retries, throttling, timeouts and dropped connections, scripted with the emulator's faults.</summary>
public class RetryOverHttpTests : LoopbackEmulatorTest
{
    [Fact]
    public async Task Retries_after_InternalError_Dispatch_and_succeeds()
    {
        Emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch, count: 2);
        using var client = CreateClient();

        DisableActivationResponse response = await client.DisableActivationAsync(SeededId);

        Assert.True(response.Activation.Disabled);
        Assert.Equal(
            new[] { "InternalError.Dispatch", "InternalError.Dispatch", null },
            Emulator.Requests.Snapshot().Select(r => r.ErrorCode));
    }

    [Fact]
    public async Task Retry_uses_a_fresh_nonce_on_every_attempt()
    {
        Emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch, count: 3);
        using var client = CreateClient();

        await client.DisableActivationAsync(SeededId);

        var sent = Emulator.Requests.Snapshot();
        Assert.Equal(4, sent.Count);
        Assert.Equal(4, sent.Select(r => r.SignatureNonce).Distinct().Count());
        Assert.Equal(new[] { 1, 2, 3, 4 }, sent.Select(r => r.Attempt));
        Assert.DoesNotContain(sent, r => r.ErrorCode == "SignatureNonceUsed");
    }

    [Fact]
    public async Task Gives_up_after_MaxRetries_with_DispatchErrorException()
    {
        Emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch, count: 10);
        using var client = CreateClient(o => o.MaxRetries = 2);

        var e = await Assert.ThrowsAsync<DispatchErrorException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal(3, e.Attempts);
        Assert.Equal(500, e.StatusCode);
        Assert.Equal(3, Emulator.Requests.Snapshot().Count);
        Assert.False(Emulator.Activations.Find("cn-hangzhou", SeededId)!.Disabled);
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        Emulator.Faults.Enqueue(EcsFault.Throttling(), count: 2);
        using var client = CreateClient();

        DisableActivationResponse response = await client.DisableActivationAsync(SeededId);

        Assert.True(response.Activation.Disabled);
        Assert.Equal(3, Emulator.Requests.Snapshot().Count);
    }

    [Fact]
    public async Task Throttling_is_reported_at_once_when_RetryThrottling_is_off()
    {
        Emulator.Faults.Enqueue(EcsFault.Throttling("Throttling.Api"), count: 5);
        using var client = CreateClient(o => o.RetryThrottling = false);

        var e = await Assert.ThrowsAsync<ThrottlingException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal("Throttling.Api", e.ErrorCode);
        Assert.Equal(400, e.StatusCode);
        Assert.Single(Emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task Html_503_is_retried_and_then_succeeds()
    {
        Emulator.Faults.Enqueue(EcsFault.Html503());
        using var client = CreateClient();

        DisableActivationResponse response = await client.DisableActivationAsync(SeededId);

        Assert.True(response.Activation.Disabled);
        Assert.Equal(new int?[] { 503, 200 }, Emulator.Requests.Snapshot().Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Dropped_connection_is_retried_and_then_succeeds()
    {
        Emulator.Faults.Enqueue(EcsFault.DropConnection());
        using var client = CreateClient();

        DisableActivationResponse response = await client.DisableActivationAsync(SeededId);

        Assert.True(response.Activation.Disabled);
        Assert.Equal(new[] { RequestOutcome.Dropped, RequestOutcome.Succeeded }, Emulator.Requests.Snapshot().Select(r => r.Outcome));
    }

    [Fact]
    public async Task Connection_dropped_on_every_attempt_ends_in_EcsConnectionException()
    {
        Emulator.Faults.Enqueue(EcsFault.DropConnection(), count: 10);
        using var client = CreateClient(o => o.MaxRetries = 2);

        var e = await Assert.ThrowsAsync<EcsConnectionException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal(3, e.Attempts);
    }

    [Fact]
    public async Task Attempt_that_exceeds_AttemptTimeout_is_retried_and_the_retry_succeeds()
    {
        Emulator.Faults.Enqueue(EcsFault.Delay(Timeout.InfiniteTimeSpan));
        using var client = CreateClient(o => o.AttemptTimeout = TimeSpan.FromSeconds(1));

        DisableActivationResponse response = await client.DisableActivationAsync(SeededId);

        Assert.True(response.Activation.Disabled);
        var sent = Emulator.Requests.Snapshot();
        Assert.Equal(2, sent.Count);
        Assert.NotEqual(sent[0].SignatureNonce, sent[1].SignatureNonce);
    }

    [Fact]
    public async Task Every_attempt_timing_out_ends_in_EcsRequestTimeoutException()
    {
        Emulator.Faults.Enqueue(EcsFault.Delay(Timeout.InfiniteTimeSpan), count: 3);
        using var client = CreateClient(o =>
        {
            o.MaxRetries = 2;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        });

        var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal(3, e.Attempts);
    }

    [Fact]
    public async Task Fault_scripted_for_one_activation_leaves_others_alone()
    {
        Seed("other-activation");
        Emulator.Faults.Enqueue(EcsFault.OperationForbidden, count: 10, activationId: SeededId);
        using var client = CreateClient();

        DisableActivationResponse other = await client.DisableActivationAsync("other-activation");

        Assert.True(other.Activation.Disabled);
        await Assert.ThrowsAsync<OperationForbiddenException>(() => client.DisableActivationAsync(SeededId));
    }
}
