using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

/// <summary>
/// A Timeout between 24.8 days (int.MaxValue ms, the longest .NET Framework's timers and
/// CancellationTokenSource take; longer throws there) and 49.7 days (the longest on .NET 8 and later).
/// The netstandard2.0 build, which .NET Framework apps get, makes no deadline of it; the .NET builds keep it.
/// </summary>
public class LongTimeoutTests
{
    private static readonly TimeSpan ThirtyDays = TimeSpan.FromDays(30);
    private static readonly TimeSpan FrameworkLongestTimer = TimeSpan.FromMilliseconds(int.MaxValue);
    private static readonly TimeSpan NetLongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    [Fact]
    public async Task A_30_day_Timeout_asks_no_timer_for_longer_than_the_build_s_platform_allows()
    {
        Assert.True(ThirtyDays > FrameworkLongestTimer && ThirtyDays < NetLongestTimer);
        var dueTimes = new ConcurrentQueue<TimeSpan>();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        using var client = ClientFactory.Create(mock, o =>
        {
            o.TimeProvider = new TestClock { TimerCreated = dueTimes.Enqueue };
            o.Timeout = ThirtyDays;
            o.AttemptTimeout = ThirtyDays;
        });

        DisableActivationResponse response = await client.DisableActivationAsync("id-1");

        Assert.True(response.Activation.Disabled);
        TimeSpan longest = LibraryBuild.IsNetStandard ? FrameworkLongestTimer : NetLongestTimer;
        Assert.All(dueTimes, due => Assert.True(due == Timeout.InfiniteTimeSpan || due <= longest, $"a timer due in {due}"));
        Assert.Equal(!LibraryBuild.IsNetStandard, dueTimes.Contains(ThirtyDays));
    }

    [Fact]
    public async Task A_30_day_Timeout_ends_a_hanging_call_after_30_days_only_on_the_NET_builds()
    {
        var clock = new TestClock { AutoAdvanceAmount = TimeSpan.Zero };
        var hanging = DelegateHandler.Hanging();
        using var caller = new CancellationTokenSource();
        using var client = ClientFactory.Create(hanging, o =>
        {
            o.TimeProvider = clock;
            o.Timeout = ThirtyDays;
            o.AttemptTimeout = ThirtyDays;
            o.MaxRetries = 0;
        });

        Task call = client.DisableActivationAsync("id-1", caller.Token);
        await hanging.NextRequestAsync();
        clock.Advance(ThirtyDays);

        if (LibraryBuild.IsNetStandard)
        {
            // No deadline: only the caller ends the call.
            caller.Cancel();
            var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.Equal(caller.Token, cancelled.CancellationToken);
        }
        else
        {
            var e = await Assert.ThrowsAsync<EcsRequestTimeoutException>(() => call);
            Assert.Equal(ThirtyDays, e.Timeout);
        }
    }
}
