using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.FlowControl;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlibabaEcsActivation.Tests.FlowControl;

/// <summary>The bulk run's flow controller, on a fake clock that moves only when the test moves it.</summary>
public class FlowControllerTests
{
    // Only turns the fake clock never reaches would hit it: a regression fails instead of hanging.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));

    [Fact]
    public void A_run_starts_unpaced_with_the_initial_concurrency_or_its_bound_if_lower()
    {
        Assert.Equal((8, double.PositiveInfinity), (Controller(16).Concurrency, Controller(16).Rate));
        Assert.Equal(3, Controller(3).Concurrency);
    }

    [Fact]
    public async Task Concurrency_grows_by_one_per_accepted_answer_up_to_the_bound_and_no_further()
    {
        FlowController flow = Controller(maxConcurrency: 11);
        FlowTurn turn = await flow.WaitTurnAsync(CancellationToken.None);

        int[] seen = Enumerable.Range(0, 5).Select(_ =>
        {
            flow.Answered(turn, throttled: false);
            return flow.Concurrency;
        }).ToArray();

        Assert.Equal(new[] { 9, 10, 11, 11, 11 }, seen);
    }

    [Fact]
    public async Task Each_throttling_backoff_halves_the_concurrency_and_never_below_one()
    {
        FlowController flow = Controller(maxConcurrency: 16);

        int[] seen = new int[5];
        for (int i = 0; i < seen.Length; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10)); // past the next turn, whatever the pace
            flow.Answered(await flow.WaitTurnAsync(CancellationToken.None), throttled: true);
            seen[i] = flow.Concurrency;
        }

        Assert.Equal(new[] { 4, 2, 1, 1, 1 }, seen);
    }

    [Fact]
    public async Task Throttling_sets_the_rate_to_a_fraction_of_what_the_service_accepted_over_the_last_second()
    {
        FlowController flow = Controller(16);
        FlowTurn turn = await flow.WaitTurnAsync(CancellationToken.None);

        // 30 accepted answers more than a second ago, 50 within the last second.
        Accept(flow, turn, count: 30, every: TimeSpan.FromMilliseconds(10));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Accept(flow, turn, count: 50, every: TimeSpan.FromMilliseconds(10));
        flow.Answered(turn, throttled: true);

        Assert.Equal(FlowController.RateBackoff * 50, flow.Rate, precision: 9);
    }

    [Fact]
    public async Task Throttled_answers_to_attempts_paced_before_the_last_backoff_do_not_back_off_again()
    {
        FlowController flow = Controller(16);
        FlowTurn[] turns = new FlowTurn[4];
        for (int i = 0; i < turns.Length; i++)
        {
            turns[i] = await flow.WaitTurnAsync(CancellationToken.None);
        }

        Accept(flow, turns[0], count: 20, every: TimeSpan.FromMilliseconds(10));
        flow.Answered(turns[0], throttled: true);
        (int concurrency, double rate) = (flow.Concurrency, flow.Rate);
        foreach (FlowTurn earlier in turns.Skip(1))
        {
            flow.Answered(earlier, throttled: true);
        }

        Assert.Equal((concurrency, rate), (flow.Concurrency, flow.Rate));
        Assert.Equal(FlowController.RateBackoff * 20, rate, precision: 9);

        // An attempt paced since then does back off.
        _clock.Advance(TimeSpan.FromSeconds(10)); // past the next turn
        flow.Answered(await flow.WaitTurnAsync(CancellationToken.None), throttled: true);
        Assert.True(flow.Rate < rate);
    }

    [Fact]
    public async Task The_rate_never_drops_below_the_minimum()
    {
        FlowController flow = Controller(16, minimumRate: 5);

        for (int i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10)); // past the next turn, whatever the pace
            flow.Answered(await flow.WaitTurnAsync(CancellationToken.None), throttled: true);
        }

        Assert.Equal(5, flow.Rate);
    }

    [Fact]
    public async Task The_pace_recovers_while_answers_come_back_accepted()
    {
        FlowController flow = Controller(16);
        FlowTurn turn = await flow.WaitTurnAsync(CancellationToken.None);
        Accept(flow, turn, count: 50, every: TimeSpan.FromMilliseconds(10));
        flow.Answered(turn, throttled: true);
        double backedOff = flow.Rate;
        _clock.Advance(TimeSpan.FromSeconds(10)); // past the next turn

        Accept(flow, await flow.WaitTurnAsync(CancellationToken.None), count: 20, every: TimeSpan.Zero);

        Assert.Equal(backedOff + (20 * FlowController.RateGrowthPerAnswer), flow.Rate, precision: 9);
    }

    [Fact]
    public async Task Once_paced_turns_come_exactly_one_interval_apart_on_the_clock_the_first_one_interval_after_the_backoff()
    {
        FlowController flow = await PacedAtFortyPerSecondAsync();
        TimeSpan interval = TimeSpan.FromMilliseconds(25);

        Task first = flow.WaitTurnAsync(CancellationToken.None).AsTask();
        Task second = flow.WaitTurnAsync(CancellationToken.None).AsTask();
        Task third = flow.WaitTurnAsync(CancellationToken.None).AsTask();

        _clock.Advance(interval - TimeSpan.FromTicks(1));
        Assert.False(first.IsCompleted);
        _clock.Advance(TimeSpan.FromTicks(1));
        await first.WaitAsync(Bound);
        Assert.False(second.IsCompleted);
        _clock.Advance(interval);
        await second.WaitAsync(Bound);
        Assert.False(third.IsCompleted);
        _clock.Advance(interval);
        await third.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_backoff_sends_the_turns_already_handed_out_back_for_new_ones_at_the_new_pace()
    {
        FlowController flow = await PacedAtFortyPerSecondAsync();
        Task<FlowTurn> first = flow.WaitTurnAsync(CancellationToken.None).AsTask();
        Task<FlowTurn> second = flow.WaitTurnAsync(CancellationToken.None).AsTask(); // due 25 ms after the first
        _clock.Advance(TimeSpan.FromMilliseconds(25));
        FlowTurn firstTurn = await first.WaitAsync(Bound);

        flow.Answered(firstTurn, throttled: true);
        _clock.Advance(TimeSpan.FromSeconds(1));
        FlowTurn secondTurn = await second.WaitAsync(Bound);

        // Given before the backoff, the second turn would not have counted had it been throttled too.
        Assert.Equal(firstTurn.Epoch + 1, secondTurn.Epoch);
    }

    [Fact]
    public async Task No_turn_waits_longer_than_the_longest_wait()
    {
        FlowController flow = new(16, minimumRate: 0.1, longestWait: TimeSpan.FromMilliseconds(100), _clock);
        flow.Answered(await flow.WaitTurnAsync(CancellationToken.None), throttled: true); // nothing accepted: the minimum, one per 10 s

        Task capped = flow.WaitTurnAsync(CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromMilliseconds(100) - TimeSpan.FromTicks(1));
        Assert.False(capped.IsCompleted);
        _clock.Advance(TimeSpan.FromTicks(1));

        await capped.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_call_enters_only_while_fewer_than_the_concurrency_are_in_flight()
    {
        FlowController flow = Controller(maxConcurrency: 1);

        Task first = flow.EnterAsync(CancellationToken.None);
        Task second = flow.EnterAsync(CancellationToken.None);

        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
        flow.Exit();
        await second.WaitAsync(Bound);
        Assert.Equal(1, flow.InFlight);
    }

    [Fact]
    public async Task Growth_lets_a_waiting_call_in()
    {
        FlowController flow = Controller(maxConcurrency: 2);
        FlowTurn turn = await flow.WaitTurnAsync(CancellationToken.None);
        flow.Answered(turn, throttled: true); // concurrency 1
        await flow.EnterAsync(CancellationToken.None);
        Task waiting = flow.EnterAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(10)); // past the next turn

        flow.Answered(await flow.WaitTurnAsync(CancellationToken.None), throttled: false);

        await waiting.WaitAsync(Bound);
        Assert.Equal((2, 2), (flow.Concurrency, flow.InFlight));
    }

    [Fact]
    public async Task A_cancelled_entry_gives_up_its_place()
    {
        FlowController flow = Controller(maxConcurrency: 1);
        using var cancel = new CancellationTokenSource();
        await flow.EnterAsync(CancellationToken.None);
        Task cancelled = flow.EnterAsync(cancel.Token);
        Task next = flow.EnterAsync(CancellationToken.None);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        flow.Exit();

        await next.WaitAsync(Bound);
        Assert.Equal(1, flow.InFlight);
    }

    [Fact]
    public async Task A_cancelled_wait_for_a_turn_ends_at_once()
    {
        FlowController flow = await PacedAtFortyPerSecondAsync();
        using var cancel = new CancellationTokenSource();
        Task waiting = flow.WaitTurnAsync(cancel.Token).AsTask(); // one interval away

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Bound));
    }

    private FlowController Controller(int maxConcurrency, double minimumRate = 1) => new(maxConcurrency, minimumRate, TimeSpan.FromSeconds(10), _clock);

    /// <summary>50 answers accepted over the last half second, then a throttling: 0.8 × 50 = 40 attempts a second.</summary>
    private async Task<FlowController> PacedAtFortyPerSecondAsync()
    {
        FlowController flow = Controller(16);
        FlowTurn turn = await flow.WaitTurnAsync(CancellationToken.None);
        Accept(flow, turn, count: 50, every: TimeSpan.FromMilliseconds(10));
        flow.Answered(turn, throttled: true);
        Assert.Equal(40, flow.Rate, precision: 9);
        return flow;
    }

    private void Accept(FlowController flow, FlowTurn turn, int count, TimeSpan every)
    {
        for (int i = 0; i < count; i++)
        {
            _clock.Advance(every);
            flow.Answered(turn, throttled: false);
        }
    }
}
