using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>
/// <see cref="EcsEmulatorOptions.Latency"/>, through the in-process handler and over Kestrel, on a fake clock that
/// moves only when the test moves it (once the emulator has set its timer).
/// </summary>
public sealed class EmulatorLatencyTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    private readonly TimerSignallingClock _clock = new();
    private readonly EcsEmulator _emulator;
    private readonly HttpClient _handlerHttp;
    private readonly HttpClient _socketHttp = new();
    private EcsEmulatorServer _server = null!;

    public EmulatorLatencyTests()
    {
        _emulator = new EcsEmulator(new EcsEmulatorOptions { TimeProvider = _clock, Latency = Latency });
        _handlerHttp = new HttpClient(_emulator.CreateHandler());
    }

    public async Task InitializeAsync() => _server = await _emulator.StartServerAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _handlerHttp.Dispose();
        _socketHttp.Dispose();
    }

    private bool SeededIsDisabled => _emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled;

    [Fact]
    public async Task The_handler_answers_exactly_when_the_latency_has_passed()
    {
        Task<HttpResponseMessage> send = _handlerHttp.SendAsync(Request().Build());

        await AnsweredExactlyAtTheDueTimeAsync(send);
    }

    [Fact]
    public async Task The_server_answers_exactly_when_the_latency_has_passed()
    {
        HttpRequestMessage request = Request().Build();
        request.RequestUri = new Uri(_server.BaseAddress, request.RequestUri!.PathAndQuery);
        Task<HttpResponseMessage> send = _socketHttp.SendAsync(request);

        await AnsweredExactlyAtTheDueTimeAsync(send);
    }

    [Fact]
    public async Task A_client_that_gives_up_during_the_latency_is_recorded_as_abandoned_and_changes_nothing()
    {
        using var cancel = new CancellationTokenSource();
        Task<HttpResponseMessage> send = _handlerHttp.SendAsync(Request().Build(), cancel.Token);
        await _clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30));

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Equal(RequestOutcome.Abandoned, Assert.Single(_emulator.Requests.Snapshot()).Outcome);
        Assert.False(SeededIsDisabled);
    }

    [Fact]
    public void A_negative_latency_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcsEmulator(new EcsEmulatorOptions { Latency = TimeSpan.FromMilliseconds(-1) }));
    }

    private async Task AnsweredExactlyAtTheDueTimeAsync(Task<HttpResponseMessage> send)
    {
        // The wait bound only turns a regression into a failure instead of a hang.
        await _clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30));
        _clock.Advance(Latency - TimeSpan.FromTicks(1));
        Assert.False(send.IsCompleted);
        Assert.False(SeededIsDisabled);

        _clock.Advance(TimeSpan.FromTicks(1));
        using HttpResponseMessage response = await send;

        Assert.True(response.IsSuccessStatusCode);
        Assert.True(SeededIsDisabled);
        RecordedRequest recorded = Assert.Single(_emulator.Requests.Snapshot());
        Assert.Equal(recorded.ReceivedAt + Latency, recorded.ActedAt);
    }

    private RawRequest Request() => new(_clock.GetUtcNow());

    /// <summary>A fake clock that says when the emulator has set its first timer, so the test moves time only after it.</summary>
    private sealed class TimerSignallingClock() : FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero))
    {
        private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _timerCreated.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ITimer timer = base.CreateTimer(callback, state, dueTime, period);
            _timerCreated.TrySetResult();
            return timer;
        }
    }
}
