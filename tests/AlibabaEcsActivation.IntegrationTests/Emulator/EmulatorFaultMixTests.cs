using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>The seeded random mix of faults for soak tests: its rate, its repeatability, and its place after the queued rules.</summary>
public class EmulatorFaultMixTests : HandlerEmulatorTest
{
    [Fact]
    public async Task Mix_faults_about_its_rate_of_requests()
    {
        Emulator.Faults.SetMix(0.3, seed: 7, EcsFault.InternalErrorDispatch);

        IReadOnlyList<bool> faulted = await SendManyAsync(Emulator, Http, 1000);

        Assert.InRange(faulted.Count(f => f), 250, 350);
    }

    [Fact]
    public async Task Same_seed_faults_the_same_requests_with_the_same_faults()
    {
        var faults = new[] { EcsFault.InternalErrorDispatch, EcsFault.Throttling(), EcsFault.Html503() };
        Emulator.Faults.SetMix(0.5, seed: 42, faults);
        var twin = new EcsEmulator(new EcsEmulatorOptions { TimeProvider = Clock });
        using var twinHttp = new HttpClient(twin.CreateHandler());
        twin.Faults.SetMix(0.5, seed: 42, faults);

        await SendManyAsync(Emulator, Http, 200);
        await SendManyAsync(twin, twinHttp, 200);

        string?[] drawn = Emulator.Requests.Snapshot().Select(r => r.Fault?.ToString()).ToArray();
        Assert.Equal(drawn, twin.Requests.Snapshot().Select(r => r.Fault?.ToString()));
        Assert.Equal(4, drawn.Distinct().Count()); // each of the three faults, and none
    }

    [Fact]
    public async Task Another_seed_draws_another_sequence()
    {
        var twin = new EcsEmulator(new EcsEmulatorOptions { TimeProvider = Clock });
        using var twinHttp = new HttpClient(twin.CreateHandler());
        Emulator.Faults.SetMix(0.5, seed: 1, EcsFault.InternalErrorDispatch);
        twin.Faults.SetMix(0.5, seed: 2, EcsFault.InternalErrorDispatch);

        IReadOnlyList<bool> one = await SendManyAsync(Emulator, Http, 100);
        IReadOnlyList<bool> two = await SendManyAsync(twin, twinHttp, 100);

        Assert.NotEqual(one, two);
    }

    [Fact]
    public async Task Queued_rule_goes_first_and_the_mix_takes_the_rest()
    {
        Emulator.Faults.Enqueue(EcsFault.OperationForbidden);
        Emulator.Faults.SetMix(1.0, seed: 1, EcsFault.InternalErrorDispatch);

        string?[] codes = [await CodeOfAsync(Request()), await CodeOfAsync(Request())];

        Assert.Equal(new[] { "Operation.Forbidden", "InternalError.Dispatch" }, codes);
        Assert.Equal(0, Emulator.Faults.Pending);
    }

    [Fact]
    public async Task ClearMix_stops_it_and_Clear_leaves_it()
    {
        Emulator.Faults.SetMix(1.0, seed: 1, EcsFault.InternalErrorDispatch);

        Emulator.Faults.Clear();
        string? afterClear = await CodeOfAsync(Request());
        Emulator.Faults.ClearMix();
        string? afterClearMix = await CodeOfAsync(Request());

        Assert.Equal(("InternalError.Dispatch", (string?)null), (afterClear, afterClearMix));
    }

    [Fact]
    public async Task Mix_can_hold_act_then_fail_faults_and_the_log_tells_which_ran()
    {
        ActivationSeeds.Add(Emulator, 40);
        Emulator.Faults.SetMix(1.0, seed: 3, EcsFault.ActThenReset(), EcsFault.DropConnection());

        for (int i = 0; i < 40; i++)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => Http.SendAsync(Request().With("ActivationId", $"seed-{i:D3}").Build()));
        }

        foreach (RecordedRequest r in Emulator.Requests.Snapshot())
        {
            bool disabled = Emulator.Activations.Find("cn-hangzhou", r.ActivationId!)!.Disabled;
            Assert.Equal(r.Fault!.Kind == EcsFaultKind.ActThenReset, disabled);
            Assert.Equal(disabled, r.ActionSucceeded);
        }
    }

    [Fact]
    public async Task Unauthenticated_requests_draw_nothing()
    {
        Emulator.Faults.SetMix(1.0, seed: 1, EcsFault.InternalErrorDispatch);
        var forged = Request();
        forged.Secret = "guess";

        Assert.Equal("SignatureDoesNotMatch", await CodeOfAsync(forged));
        Assert.Null(Emulator.Requests.Snapshot().Single().Fault);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Rate_outside_zero_to_one_is_refused(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Faults.SetMix(rate, 1, EcsFault.InternalErrorDispatch));
    }

    [Fact]
    public void Empty_or_null_faults_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Emulator.Faults.SetMix(0.5, 1));
        Assert.Throws<ArgumentException>(() => Emulator.Faults.SetMix(0.5, 1, EcsFault.InternalErrorDispatch, null!));
        Assert.Throws<ArgumentNullException>(() => Emulator.Faults.SetMix(0.5, 1, null!));
    }

    /// <summary>Sends <paramref name="count"/> DisableActivation requests one after the other; returns which were faulted.</summary>
    private static async Task<IReadOnlyList<bool>> SendManyAsync(EcsEmulator emulator, HttpClient http, int count)
    {
        for (int i = 0; i < count; i++)
        {
            (await http.SendAsync(Request().Build())).Dispose();
        }

        return emulator.Requests.Snapshot().Select(r => r.Fault is not null).ToList();
    }
}
