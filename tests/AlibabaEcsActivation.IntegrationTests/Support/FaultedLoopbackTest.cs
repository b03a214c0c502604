using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Support;

/// <summary>
/// Base of the tests that run a call under one scripted fault over loopback HTTP and compare what the
/// client got with the emulator's state. Faults are named (for the test names) and made here.
/// </summary>
public abstract class FaultedLoopbackTest : LoopbackEmulatorTest
{
    /// <summary>
    /// Short enough that the faults that outlast it cost little; long enough that a normal attempt never
    /// times out, even the first of a process (JIT) on a loaded 2-core machine (300 ms was not).
    /// </summary>
    internal static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    private static readonly string[] Before =
        ["DropConnection", "InternalErrorDispatch", "Html503", "Throttling", "DelayPastAttemptTimeout", "ActLateWithinAttemptTimeout"];

    private static readonly string[] After = ["ActThenReset", "ActThenTruncate", "ActLatePastAttemptTimeout"];

    /// <summary>Faults after which the client knows what happened: the action did not run, or (ActLate within the attempt timeout) it answered in time.</summary>
    public static TheoryData<string> FaultsBeforeTheAction => new(Before);

    /// <summary>Faults after which the action has run (or will run) although the client did not learn of it.</summary>
    public static TheoryData<string> FaultsAfterTheAction => new(After);

    /// <summary>Both lists.</summary>
    public static TheoryData<string> AllFaults => new(Before.Concat(After));

    /// <summary>Whether the faulted attempt's action runs (at once or late).</summary>
    internal static bool ActionRunsUnder(string faultName) => After.Contains(faultName) || faultName == "ActLateWithinAttemptTimeout";

    internal static EcsFault Make(string name) => name switch
    {
        "DropConnection" => EcsFault.DropConnection(),
        "InternalErrorDispatch" => EcsFault.InternalErrorDispatch,
        "Html503" => EcsFault.Html503(),
        "Throttling" => EcsFault.Throttling(),
        "DelayPastAttemptTimeout" => EcsFault.Delay(Timeout.InfiniteTimeSpan),
        "ActThenReset" => EcsFault.ActThenReset(),
        "ActThenTruncate" => EcsFault.ActThenTruncate(),
        "ActLateWithinAttemptTimeout" => EcsFault.ActLate(TimeSpan.FromMilliseconds(20)),
        "ActLatePastAttemptTimeout" => EcsFault.ActLate(AttemptTimeout + TimeSpan.FromMilliseconds(500)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such fault case."),
    };

    /// <summary>Queues the named fault once for <paramref name="action"/>.</summary>
    protected EcsFault Inject(string faultName, string action)
    {
        EcsFault fault = Make(faultName);
        Emulator.Faults.Enqueue(fault, action: action);
        return fault;
    }

    /// <summary>A client with retries (3), 1-5 ms backoff and the short <see cref="AttemptTimeout"/>.</summary>
    protected EcsActivationClient CreateFaultTolerantClient(Action<EcsActivationClientOptions>? configure = null) =>
        CreateClient(o =>
        {
            o.AttemptTimeout = AttemptTimeout;
            o.MaxRetries = 3;
            configure?.Invoke(o);
        });

    /// <summary>Waits until every request is settled, late actions included, so the state is final.</summary>
    protected Task SettleAsync() => Emulator.Requests.WaitForSettledAsync().WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>The fault was spent on the call's first attempt, and the log says whether the action ran there.</summary>
    protected void AssertFirstAttemptGot(EcsFault fault, bool actionRan)
    {
        RecordedRequest first = Emulator.Requests.Snapshot()[0];
        Assert.Same(fault, first.Fault);
        Assert.Equal(actionRan, first.ActionStatusCode is not null);
    }
}
