using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>
/// The act-then-fail faults through the Kestrel server, with raw HTTP over loopback: a real connection
/// abort, a real short body with a consistent Content-Length, a real client that hangs up. The
/// emulator's clock is a fake one the test moves, so nothing waits on real time.
/// </summary>
public sealed class EmulatorActFaultsOverKestrelTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly EcsEmulator _emulator;
    private readonly HttpClient _http = new();
    private EcsEmulatorServer _server = null!;

    public EmulatorActFaultsOverKestrelTests()
    {
        _emulator = new EcsEmulator(new EcsEmulatorOptions { TimeProvider = _clock });
    }

    public async Task InitializeAsync() => _server = await _emulator.StartServerAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private bool SeededIsDisabled => _emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled;

    [Fact]
    public async Task ActThenReset_aborts_the_connection_after_the_action_ran()
    {
        _emulator.Faults.Enqueue(EcsFault.ActThenReset());

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.SendAsync(Build(Request())));

        Assert.True(SeededIsDisabled);
        RecordedRequest recorded = _emulator.Requests.Snapshot().Single();
        Assert.Equal((RequestOutcome.Dropped, (int?)null, (int?)200), (recorded.Outcome, recorded.StatusCode, recorded.ActionStatusCode));
    }

    [Fact]
    public async Task ActThenTruncate_sends_a_short_body_whose_Content_Length_matches()
    {
        _emulator.Faults.Enqueue(EcsFault.ActThenTruncate());

        using HttpResponseMessage response = await _http.SendAsync(Build(Request()));
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.InRange(body.Length, 1, 4096);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.True(SeededIsDisabled);
        Assert.Equal(RequestOutcome.Truncated, _emulator.Requests.Snapshot().Single().Outcome);
    }

    [Fact]
    public async Task Connection_stays_usable_after_a_truncated_answer()
    {
        _emulator.Faults.Enqueue(EcsFault.ActThenTruncate());

        using (HttpResponseMessage cut = await _http.SendAsync(Build(Request())))
        {
            await cut.Content.ReadAsByteArrayAsync();
        }

        using HttpResponseMessage next = await _http.SendAsync(Build(Request()));
        using var document = JsonDocument.Parse(await next.Content.ReadAsStringAsync());
        Assert.True(document.RootElement.GetProperty("Activation").GetProperty("Disabled").GetBoolean());
    }

    [Fact]
    public async Task ActLate_answers_a_client_still_waiting_when_the_clock_reaches_the_delay()
    {
        _emulator.Faults.Enqueue(EcsFault.ActLate(Late));

        Task<HttpResponseMessage> send = _http.SendAsync(Build(Request()));
        await _emulator.Requests.WaitForRequestsAsync(1);
        bool disabledBeforeTheDelay = SeededIsDisabled;
        _clock.Advance(Late);
        using HttpResponseMessage response = await send;

        Assert.False(disabledBeforeTheDelay);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(SeededIsDisabled);
        Assert.Equal(RequestOutcome.Succeeded, _emulator.Requests.Snapshot().Single().Outcome);
    }

    [Fact]
    public async Task ActLate_acts_after_the_client_hung_up_and_the_log_says_so()
    {
        _emulator.Faults.Enqueue(EcsFault.ActLate(Late));
        var abandoned = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        _emulator.Requests.Completed += (_, r) =>
        {
            if (r.Outcome == RequestOutcome.Abandoned)
            {
                abandoned.TrySetResult(r);
            }
        };
        using var cancel = new CancellationTokenSource();

        Task<HttpResponseMessage> send = _http.SendAsync(Build(Request()), cancel.Token);
        await _emulator.Requests.WaitForRequestsAsync(1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        RecordedRequest recorded = await abandoned.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the server noticed the hang-up
        var whenTheClientLeft = (recorded.IsSettled, recorded.ActionStatusCode, SeededIsDisabled);
        _clock.Advance(Late);
        await _emulator.Requests.WaitForSettledAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((false, (int?)null, false), whenTheClientLeft);
        Assert.True(SeededIsDisabled);
        Assert.Equal(
            (RequestOutcome.Abandoned, (int?)null, (int?)200, (DateTimeOffset?)(recorded.ReceivedAt + Late)),
            (recorded.Outcome, recorded.StatusCode, recorded.ActionStatusCode, recorded.ActedAt));
    }

    private RawRequest Request() => new(_clock.GetUtcNow());

    /// <summary>The signed request, sent to the server instead of the handler's placeholder host.</summary>
    private HttpRequestMessage Build(RawRequest request)
    {
        HttpRequestMessage message = request.Build();
        message.RequestUri = new Uri(_server.BaseAddress, message.RequestUri!.PathAndQuery);
        return message;
    }
}
