using System;
using AlibabaEcsActivation.Transport;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

public class BackoffCalculatorTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(0, 100, 200)]
    [InlineData(1, 200, 400)]
    [InlineData(2, 400, 800)]
    public void Delay_doubles_per_retry_with_jitter_between_half_and_full(int retry, double minMs, double maxMs)
    {
        Assert.Equal(minMs, BackoffCalculator.Compute(retry, Base, Cap, false, null, jitter: 0).TotalMilliseconds, 3);
        Assert.Equal(maxMs, BackoffCalculator.Compute(retry, Base, Cap, false, null, jitter: 0.999999).TotalMilliseconds, 0);
    }

    [Fact]
    public void Delay_never_exceeds_the_cap()
    {
        Assert.Equal(Cap, BackoffCalculator.Compute(40, Base, Cap, true, TimeSpan.FromHours(1), jitter: 0.99));
    }

    [Fact]
    public void Throttling_waits_five_times_longer()
    {
        var normal = BackoffCalculator.Compute(0, Base, Cap, false, null, 0.5);
        var throttled = BackoffCalculator.Compute(0, Base, Cap, true, null, 0.5);

        Assert.Equal(normal.TotalMilliseconds * 5, throttled.TotalMilliseconds, 3);
    }

    [Fact]
    public void Server_hint_longer_than_the_computed_delay_wins()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), BackoffCalculator.Compute(0, Base, Cap, true, TimeSpan.FromSeconds(3), 0));
    }
}
