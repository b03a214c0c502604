using System;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using Xunit;

namespace AlibabaEcsActivation.Tests.Lifecycle;

/// <summary>
/// A code whose every attempt is throttled in a bulk run: called again when the service accepted other calls
/// of the run meanwhile, its throttling reported when it accepted none. MaxRetries 1 (two attempts a call);
/// the clock moves only by the client's timers.
/// </summary>
public class BulkDisableThrottledCodeTests
{
    private const string Stubborn = "code-stubborn";
    private const string Other = "code-other";

    private readonly TaskCompletionSource<bool> _otherReported = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stubbornRequests;
    private int _requests;

    [Fact]
    public async Task A_code_throttled_on_every_attempt_is_called_again_when_the_service_accepted_another_code_meanwhile()
    {
        using EcsActivationClient client = Client(n => n <= 2 ? Throttled() : null);

        BulkDisableResult result = await client.DisableActivationsAsync([Stubborn, Other], ReportingOther());

        Assert.Equal((2, 0), (result.DisabledCount, result.FailedCount));
        Assert.Equal(3, result.Outcomes[0].Attempts); // two throttled attempts in its first call, one accepted in the next
        Assert.Equal(3, _stubbornRequests);
    }

    [Fact]
    public async Task A_call_the_service_answered_otherwise_once_is_not_made_again_though_it_ends_throttled()
    {
        using EcsActivationClient client = Client(n => n == 1 ? ApiResponses.Json(HttpStatusCode.InternalServerError, ApiResponses.Error("InternalError", "x")) : Throttled());

        BulkDisableResult result = await client.DisableActivationsAsync([Stubborn, Other], ReportingOther());

        Assert.Equal((ActivationDisableStatus.Failed, 2), (result.Outcomes[0].Status, result.Outcomes[0].Attempts));
        Assert.IsType<ThrottlingException>(result.Outcomes[0].Exception);
        Assert.Equal(2, _stubbornRequests);
    }

    [Fact]
    public async Task When_the_service_accepts_nothing_each_code_fails_with_its_throttling_after_one_call()
    {
        using EcsActivationClient client = Client(_ => Throttled(), everyCodeIsStubborn: true);

        BulkDisableResult result = await client.DisableActivationsAsync(["code-1", "code-2", "code-3"]);

        Assert.All(result.Outcomes, outcome =>
        {
            Assert.Equal(ActivationDisableStatus.Failed, outcome.Status);
            Assert.IsType<ThrottlingException>(outcome.Exception);
            Assert.Equal(2, outcome.Attempts);
        });
        Assert.Equal(6, _requests);
    }

    [Fact]
    public async Task Without_RetryThrottling_a_throttled_code_is_not_called_again()
    {
        using EcsActivationClient client = Client(n => n == 1 ? Throttled() : null, retryThrottling: false);

        BulkDisableResult result = await client.DisableActivationsAsync([Other, Stubborn], new BulkDisableOptions { MaxConcurrency = 1 });

        Assert.Equal(ActivationDisableStatus.Disabled, result.Outcomes[0].Status);
        Assert.Equal((ActivationDisableStatus.Failed, 1), (result.Outcomes[1].Status, result.Outcomes[1].Attempts));
        Assert.IsType<ThrottlingException>(result.Outcomes[1].Exception);
        Assert.Equal(1, _stubbornRequests);
    }

    private static HttpResponseMessage Throttled() =>
        ApiResponses.Json(HttpStatusCode.BadRequest, ApiResponses.Error("Throttling.User", "Request was denied due to user flow control."));

    /// <summary>Options that tell the test when the other code has been disabled.</summary>
    private BulkDisableOptions ReportingOther() =>
        new() { Progress = new InlineProgress<ActivationDisableOutcome>(o => _ = o.ActivationId == Other && _otherReported.TrySetResult(true)) };

    /// <summary>
    /// A client whose stubborn code's <c>n</c>th request gets <paramref name="stubbornAnswer"/>'s answer (its own
    /// success when null), its second only once the other code has been disabled; every other code succeeds at once.
    /// </summary>
    private EcsActivationClient Client(Func<int, HttpResponseMessage?> stubbornAnswer, bool retryThrottling = true, bool everyCodeIsStubborn = false)
    {
        var handler = new DelegateHandler(async (request, _) =>
        {
            Interlocked.Increment(ref _requests);
            string id = Regex.Match(request.RequestUri!.Query, "ActivationId=([^&]+)").Groups[1].Value;
            if (id != Stubborn && !everyCodeIsStubborn)
            {
                return FakeEcsService.ActivationBody(id);
            }

            int n = Interlocked.Increment(ref _stubbornRequests);
            if (n == 2 && !everyCodeIsStubborn)
            {
                await _otherReported.Task; // the service accepts the other code while this one's first call lasts
            }

            return stubbornAnswer(n) ?? FakeEcsService.ActivationBody(id);
        });
        return ClientFactory.Create(handler, o =>
        {
            o.MaxRetries = 1;
            o.RetryThrottling = retryThrottling;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
            o.RetryMaxDelay = TimeSpan.FromSeconds(10);
            o.TimeProvider = new TestClock { AutoAdvanceAmount = TimeSpan.Zero, InstantUpTo = TimeSpan.FromSeconds(1) };
        });
    }
}
