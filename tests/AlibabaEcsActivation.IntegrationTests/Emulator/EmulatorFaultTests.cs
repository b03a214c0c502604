using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>How scripted faults are matched, consumed and applied.</summary>
public class EmulatorFaultTests : HandlerEmulatorTest
{
    [Fact]
    public async Task Fault_applies_to_exactly_count_requests()
    {
        Emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch, count: 2);

        string?[] codes = [await CodeOfAsync(Request()), await CodeOfAsync(Request()), await CodeOfAsync(Request())];

        Assert.Equal(new[] { "InternalError.Dispatch", "InternalError.Dispatch", null }, codes);
        Assert.Equal(0, Emulator.Faults.Pending);
    }

    [Fact]
    public async Task Error_fault_leaves_the_state_unchanged()
    {
        Emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch);

        await SendAsync(Request());

        Assert.False(Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled);
    }

    [Fact]
    public async Task Fault_is_not_spent_on_an_unauthenticated_request()
    {
        Emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch);
        var forged = Request();
        forged.Secret = "guess";

        Assert.Equal("SignatureDoesNotMatch", await CodeOfAsync(forged));
        Assert.Equal(1, Emulator.Faults.Pending);
    }

    [Fact]
    public async Task Fault_for_another_action_does_not_apply()
    {
        Emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch, action: "DeleteActivation");

        Assert.Null(await CodeOfAsync(Request()));
        Assert.Equal(1, Emulator.Faults.Pending);
    }

    [Fact]
    public async Task Throttling_fault_sends_the_retry_after_hint()
    {
        Emulator.Faults.Enqueue(EcsFault.Throttling(retryAfter: System.TimeSpan.FromMilliseconds(1500)));

        using HttpResponseMessage response = await Http.SendAsync(Request().Build());

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("1500", response.Headers.GetValues("x-acs-retry-after").Single());
    }

    [Fact]
    public async Task Html_503_fault_answers_an_html_page()
    {
        Emulator.Faults.Enqueue(EcsFault.Html503());

        using HttpResponseMessage response = await Http.SendAsync(Request().Build());

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Dropped_connection_surfaces_from_the_handler_as_HttpRequestException()
    {
        Emulator.Faults.Enqueue(EcsFault.DropConnection());

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => Http.SendAsync(Request().Build()));

        Assert.IsType<IOException>(e.InnerException);
        Assert.Equal(RequestOutcome.Dropped, Emulator.Requests.Snapshot().Single().Outcome);
    }

    [Fact]
    public async Task Abandoned_delay_is_recorded_as_abandoned_and_changes_nothing()
    {
        Emulator.Faults.Enqueue(EcsFault.Delay(System.Threading.Timeout.InfiniteTimeSpan));
        using var cancel = new System.Threading.CancellationTokenSource();

        Task<HttpResponseMessage> send = Http.SendAsync(Request().Build(), cancel.Token);
        await Emulator.Requests.WaitForRequestsAsync(1);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => send);

        Assert.Equal(RequestOutcome.Abandoned, Emulator.Requests.Snapshot().Single().Outcome);
        Assert.False(Emulator.Activations.Find("cn-hangzhou", RawRequest.SeededId)!.Disabled);
    }

    [Fact]
    public void Fault_count_below_one_is_refused()
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => Emulator.Faults.Enqueue(EcsFault.InternalErrorDispatch, count: 0));
    }
}
