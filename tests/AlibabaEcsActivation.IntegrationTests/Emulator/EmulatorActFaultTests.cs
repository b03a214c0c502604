using System;
using System.IO;
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
/// The faults where the action runs but the client cannot know (ActThenReset, ActThenTruncate, ActLate),
/// through the in-process handler: the state changed, what the client saw, what the log says.
/// </summary>
public class EmulatorActFaultTests : HandlerEmulatorTest
{
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ActThenReset_runs_the_action_then_drops_the_connection()
    {
        Emulator.Faults.Enqueue(EcsFault.ActThenReset());

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => Http.SendAsync(Request().Build()));

        Assert.IsType<IOException>(e.InnerException);
        Assert.True(Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled);
        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();
        Assert.Equal(
            (RequestOutcome.Dropped, (int?)null, (int?)200, true, (DateTimeOffset?)Now, EcsFaultKind.ActThenReset, true),
            (recorded.Outcome, recorded.StatusCode, recorded.ActionStatusCode, recorded.ActionSucceeded, recorded.ActedAt, recorded.Fault!.Kind, recorded.IsSettled));
    }

    [Fact]
    public async Task ActThenReset_drops_an_error_answer_too_and_records_the_error()
    {
        Emulator.Faults.Enqueue(EcsFault.ActThenReset());

        await Assert.ThrowsAsync<HttpRequestException>(() => Http.SendAsync(Request().With("ActivationId", "missing").Build()));

        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();
        Assert.Equal(
            (RequestOutcome.Dropped, (int?)404, "ActivationId.NotFound", false),
            (recorded.Outcome, recorded.ActionStatusCode, recorded.ActionErrorCode, recorded.ActionSucceeded));
    }

    [Fact]
    public async Task DropConnection_records_that_the_action_did_not_run()
    {
        Emulator.Faults.Enqueue(EcsFault.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => Http.SendAsync(Request().Build()));

        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();
        Assert.Equal((RequestOutcome.Dropped, (int?)null, (DateTimeOffset?)null), (recorded.Outcome, recorded.ActionStatusCode, recorded.ActedAt));
        Assert.False(Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled);
    }

    [Fact]
    public async Task ActThenTruncate_runs_the_action_and_sends_half_the_body_with_a_matching_length()
    {
        Emulator.Faults.Enqueue(EcsFault.ActThenTruncate());
        string whole = await WholeDisableBodyAsync();

        using HttpResponseMessage response = await Http.SendAsync(Request().Build());
        byte[] body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(whole) / 2, body.Length);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.True(Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled);
        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();
        Assert.Equal(
            (RequestOutcome.Truncated, (int?)200, (int?)200, EcsFaultKind.ActThenTruncate),
            (recorded.Outcome, recorded.StatusCode, recorded.ActionStatusCode, recorded.Fault!.Kind));
    }

    [Fact]
    public async Task ActThenTruncate_sends_an_error_answer_whole()
    {
        Emulator.Faults.Enqueue(EcsFault.ActThenTruncate());

        Assert.Equal("ActivationId.NotFound", await CodeOfAsync(Request().With("ActivationId", "missing")));

        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();
        Assert.Equal((RequestOutcome.Failed, (int?)404, (int?)404), (recorded.Outcome, recorded.StatusCode, recorded.ActionStatusCode));
    }

    [Fact]
    public async Task ActThenTruncate_of_a_create_still_creates_the_code()
    {
        Emulator.Faults.Enqueue(EcsFault.ActThenTruncate());
        int before = Emulator.Activations.Count;

        var (status, body) = await SendAsync(CreateRequest("token-1"));

        Assert.Equal(200, status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Equal(before + 1, Emulator.Activations.Count);
    }

    [Fact]
    public async Task ActLate_answers_a_client_that_is_still_waiting_once_the_delay_has_passed()
    {
        Emulator.Faults.Enqueue(EcsFault.ActLate(Late));

        Task<HttpResponseMessage> send = Http.SendAsync(Request().Build());
        await Emulator.Requests.WaitForRequestsAsync(1);
        bool disabledBeforeTheDelay = Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled;
        RequestOutcome outcomeBeforeTheDelay = Emulator.Requests.Snapshot().Single().Outcome;
        Clock.Advance(Late);
        using HttpResponseMessage response = await send;

        Assert.False(disabledBeforeTheDelay);
        Assert.Equal(RequestOutcome.Pending, outcomeBeforeTheDelay);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled);
        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();
        Assert.Equal(
            (RequestOutcome.Succeeded, (int?)200, (int?)200, (DateTimeOffset?)(Now + Late), Now, true),
            (recorded.Outcome, recorded.StatusCode, recorded.ActionStatusCode, recorded.ActedAt, recorded.ReceivedAt, recorded.IsSettled));
    }

    [Fact]
    public async Task ActLate_runs_the_action_after_the_client_gave_up_and_discards_the_answer()
    {
        Emulator.Faults.Enqueue(EcsFault.ActLate(Late));
        using var cancel = new CancellationTokenSource();

        Task<HttpResponseMessage> send = Http.SendAsync(Request().Build(), cancel.Token);
        await Emulator.Requests.WaitForRequestsAsync(1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();
        var whenTheClientLeft = (recorded.Outcome, recorded.IsSettled, recorded.ActionStatusCode, Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled);
        bool settledBeforeTheDelay = Emulator.Requests.WaitForSettledAsync().IsCompleted;

        Clock.Advance(Late);
        await Emulator.Requests.WaitForSettledAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((RequestOutcome.Abandoned, false, (int?)null, false), whenTheClientLeft);
        Assert.False(settledBeforeTheDelay);
        Assert.True(Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled);
        Assert.Equal(
            (RequestOutcome.Abandoned, (int?)null, (int?)200, (DateTimeOffset?)(Now + Late), true),
            (recorded.Outcome, recorded.StatusCode, recorded.ActionStatusCode, recorded.ActedAt, recorded.IsSettled));
    }

    [Fact]
    public async Task Delay_abandoned_by_its_client_never_runs_the_action_even_after_the_delay()
    {
        Emulator.Faults.Enqueue(EcsFault.Delay(Late));
        using var cancel = new CancellationTokenSource();

        Task<HttpResponseMessage> send = Http.SendAsync(Request().Build(), cancel.Token);
        await Emulator.Requests.WaitForRequestsAsync(1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Clock.Advance(Late);
        await Emulator.Requests.WaitForSettledAsync().WaitAsync(TimeSpan.FromSeconds(10));

        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();
        Assert.Equal((RequestOutcome.Abandoned, (int?)null, true), (recorded.Outcome, recorded.ActionStatusCode, recorded.IsSettled));
        Assert.False(Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled);
    }

    [Fact]
    public async Task Completed_fires_once_for_an_abandoned_ActLate_before_its_action_runs()
    {
        Emulator.Faults.Enqueue(EcsFault.ActLate(Late));
        int completions = 0;
        Emulator.Requests.Completed += (_, _) => Interlocked.Increment(ref completions);
        using var cancel = new CancellationTokenSource();

        Task<HttpResponseMessage> send = Http.SendAsync(Request().Build(), cancel.Token);
        await Emulator.Requests.WaitForRequestsAsync(1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        int beforeTheAction = Volatile.Read(ref completions);
        Clock.Advance(Late);
        await Emulator.Requests.WaitForSettledAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((1, 1), (beforeTheAction, Volatile.Read(ref completions)));
    }

    [Fact]
    public async Task ActLate_of_a_create_whose_client_gave_up_spends_the_token_so_a_retry_gets_the_same_code()
    {
        Emulator.Faults.Enqueue(EcsFault.ActLate(Late));
        using var cancel = new CancellationTokenSource();
        int before = Emulator.Activations.Count;

        Task<HttpResponseMessage> send = Http.SendAsync(CreateRequest("token-late").Build(), cancel.Token);
        await Emulator.Requests.WaitForRequestsAsync(1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Clock.Advance(Late);
        await Emulator.Requests.WaitForSettledAsync().WaitAsync(TimeSpan.FromSeconds(10));
        using HttpResponseMessage retry = await Http.SendAsync(CreateRequest("token-late").Build());
        using var document = JsonDocument.Parse(await retry.Content.ReadAsStringAsync());

        Assert.Equal(before + 1, Emulator.Activations.Count);
        string id = document.RootElement.GetProperty("ActivationId").GetString()!;
        Assert.NotNull(Emulator.Activations.Find("cn-hangzhou", id));
        Assert.Equal(Now + Late, Emulator.Activations.Find("cn-hangzhou", id)!.CreationTime);
    }

    [Fact]
    public void ActLate_refuses_a_negative_or_infinite_delay()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EcsFault.ActLate(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => EcsFault.ActLate(Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void New_faults_say_what_they_are()
    {
        Assert.Equal(
            new[] { "ActThenReset", "ActThenTruncate", "ActLate 00:00:01.5000000" },
            new[] { EcsFault.ActThenReset(), EcsFault.ActThenTruncate(), EcsFault.ActLate(TimeSpan.FromMilliseconds(1500)) }.Select(f => f.ToString()));
    }

    [Fact]
    public async Task Log_line_of_an_ActThenReset_says_the_action_answered_200()
    {
        Emulator.Faults.Enqueue(EcsFault.ActThenReset());

        await Assert.ThrowsAsync<HttpRequestException>(() => Http.SendAsync(Request().Build()));

        Assert.Equal("#1 POST DisableActivation HMAC-SHA1 attempt 1: Dropped - [ActThenReset], action answered 200", Emulator.Requests.Snapshot().Single().ToString());
    }

    [Fact]
    public async Task Repeated_ClientToken_returns_the_same_id_and_code_string()
    {
        var (_, first) = await SendAsync(CreateRequest("same-token"));
        var (_, second) = await SendAsync(CreateRequest("same-token"));

        using var a = JsonDocument.Parse(first);
        using var b = JsonDocument.Parse(second);
        Assert.Equal(a.RootElement.GetProperty("ActivationId").GetString(), b.RootElement.GetProperty("ActivationId").GetString());
        string? code = a.RootElement.GetProperty("ActivationCode").GetString();
        Assert.True(!string.IsNullOrEmpty(code) && code == b.RootElement.GetProperty("ActivationCode").GetString(), "The repeated token got another ActivationCode."); // compared, never printed
    }

    private static RawRequest CreateRequest(string clientToken) =>
        Request().With("Action", "CreateActivation").With("ActivationId", null).With("ClientToken", clientToken);

    /// <summary>A whole DisableActivation answer for the seeded code, from a twin emulator (bodies differ only in the RequestId, of fixed length).</summary>
    private static async Task<string> WholeDisableBodyAsync()
    {
        var twin = new EcsEmulator(new EcsEmulatorOptions { TimeProvider = new FakeTimeProvider(Now) });
        using var http = new HttpClient(twin.CreateHandler());
        using HttpResponseMessage response = await http.SendAsync(Request().Build());
        return await response.Content.ReadAsStringAsync();
    }
}
