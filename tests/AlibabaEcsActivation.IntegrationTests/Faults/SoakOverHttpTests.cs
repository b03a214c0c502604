using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;
using Xunit.Abstractions;

namespace AlibabaEcsActivation.IntegrationTests.Faults;

/// <summary>
/// Thousands of calls over loopback HTTP with 30% of the requests faulted by a seeded mix, then every
/// call's outcome checked against the emulator's final state and its request log. Each call has its own
/// target (an activation ID, or a ClientToken for Create), so the log tells what happened to each call.
/// A fixed list of calls run by a few workers: it ends by itself.
/// </summary>
public class SoakOverHttpTests(ITestOutputHelper output) : LoopbackEmulatorTest
{
    private const int CallsPerAction = 600;
    private const int Workers = 16;
    private const int MaxRetries = 10; // 0.3^11: running out of retries is not expected, but is checked if it happens
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Every_outcome_under_a_30_percent_fault_mix_matches_the_emulator_state()
    {
        var clock = Stopwatch.StartNew();
        string[] disableIds = [.. ActivationSeeds.Add(Emulator, CallsPerAction, "disable")];
        string[] describeIds = [.. ActivationSeeds.Add(Emulator, CallsPerAction, "describe")];
        string[] deleteIds = [.. ActivationSeeds.Add(Emulator, CallsPerAction, "delete")];
        Emulator.Faults.SetMix(0.3, seed: 20250314,
            EcsFault.DropConnection(),
            EcsFault.ActThenReset(),
            EcsFault.ActThenTruncate(),
            EcsFault.ActLate(AttemptTimeout + TimeSpan.FromMilliseconds(100)),
            EcsFault.InternalErrorDispatch,
            EcsFault.Html503(),
            EcsFault.Throttling("Throttling.User"));
        using var client = CreateClient(o =>
        {
            o.AttemptTimeout = AttemptTimeout;
            o.MaxRetries = MaxRetries;
            o.Timeout = TimeSpan.FromSeconds(30);
        });

        // One call per (action, index), interleaved in a seeded random order.
        var calls = Enumerable.Range(0, CallsPerAction)
            .SelectMany(i => new (string Action, int Index)[] { ("DisableActivation", i), ("DescribeActivations", i), ("CreateActivation", i), ("DeleteActivation", i) })
            .ToArray();
        new Random(7).Shuffle(calls);
        var outcomes = new Dictionary<(string, int), object>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = deadline.Token }, async (call, ct) =>
        {
            object outcome;
            try
            {
                outcome = call.Action switch
                {
                    "DisableActivation" => await client.DisableActivationAsync(disableIds[call.Index], ct),
                    "DescribeActivations" => await client.DescribeActivationsAsync(new DescribeActivationsRequest { ActivationId = describeIds[call.Index] }, ct),
                    "CreateActivation" => await client.CreateActivationAsync(new CreateActivationRequest { InstanceName = Name(call.Index) }, ct),
                    _ => await client.DeleteActivationAsync(deleteIds[call.Index], ct),
                };
            }
            catch (EcsException e)
            {
                outcome = e;
            }

            lock (outcomes)
            {
                outcomes.Add(call, outcome);
            }
        });
        TimeSpan callsTook = clock.Elapsed;

        Emulator.Faults.ClearMix();
        await Emulator.Requests.WaitForSettledAsync().WaitAsync(TimeSpan.FromSeconds(30)); // late actions have landed
        IReadOnlyList<RecordedRequest> log = Emulator.Requests.Snapshot();
        Assert.Equal(log.Count, Emulator.Requests.Received); // nothing forgotten: the log covers every attempt

        var failures = new List<string>();
        int failedCalls = 0;
        ILookup<string, RecordedRequest> byTarget = log.ToLookup(r => r.Action == "CreateActivation" ? r.Parameters["ClientToken"] : r.ActivationId!);

        void Check(bool ok, string what)
        {
            if (!ok)
            {
                failures.Add(what);
            }
        }

        // A call may fail only when every one of its attempts was faulted (it ran out of retries): that is not a false failure.
        bool RanOutOfRetries(EcsException e, string target)
        {
            failedCalls++;
            var attempts = byTarget[target].ToList();
            return e is not ActivationNotFoundException && attempts.Count == MaxRetries + 1 && attempts.All(r => r.Fault is not null);
        }

        for (int i = 0; i < CallsPerAction; i++)
        {
            // DisableActivation: it succeeded and the code is disabled.
            string id = disableIds[i];
            EmulatedActivation stored = Emulator.Activations.Find("cn-hangzhou", id)!;
            switch (outcomes[("DisableActivation", i)])
            {
                case DisableActivationResponse r:
                    Check(r.Activation.ActivationId == id && r.Activation.Disabled && stored.Disabled, $"Disable {id}: answered {r.Activation.Disabled}, stored {stored.Disabled}");
                    break;
                case EcsException e:
                    Check(RanOutOfRetries(e, id) && stored.Disabled == byTarget[id].Any(a => a.ActionSucceeded), $"Disable {id}: false failure {e.GetType().Name}");
                    break;
            }

            // DescribeActivations: it succeeded and lists the code as stored.
            id = describeIds[i];
            stored = Emulator.Activations.Find("cn-hangzhou", id)!;
            switch (outcomes[("DescribeActivations", i)])
            {
                case DescribeActivationsResponse r:
                    Check(r.ActivationList.Count == 1 && r.ActivationList[0].ActivationId == id && !r.ActivationList[0].Disabled && !stored.Disabled, $"Describe {id}: listed {r.ActivationList.Count}");
                    break;
                case EcsException e:
                    Check(RanOutOfRetries(e, id), $"Describe {id}: false failure {e.GetType().Name}");
                    break;
            }

            // DeleteActivation: the code is gone, exactly one attempt deleted it, never a false NotFound.
            id = deleteIds[i];
            bool gone = Emulator.Activations.Find("cn-hangzhou", id) is null;
            int deleters = byTarget[id].Count(a => a.ActionSucceeded);
            switch (outcomes[("DeleteActivation", i)])
            {
                case DeleteActivationResponse r:
                    bool reportedRight = r.DeletedByEarlierAttempt ? r.Activation is null : r.Activation?.ActivationId == id;
                    Check(gone && deleters == 1 && reportedRight, $"Delete {id}: gone {gone}, {deleters} deleting attempts, DeletedByEarlierAttempt {r.DeletedByEarlierAttempt}");
                    break;
                case EcsException e:
                    Check(RanOutOfRetries(e, id) && gone == (deleters == 1), $"Delete {id}: false failure {e.GetType().Name}");
                    break;
            }
        }

        // CreateActivation: each call's ClientToken made at most one code, that code is the one the call
        // returned (or creating again with the token from the failure returns it), and no code is orphaned.
        var created = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < CallsPerAction; i++)
        {
            object outcome = outcomes[("CreateActivation", i)];
            string? token = outcome switch
            {
                CreateActivationResponse r => r.ClientToken,
                EcsException e => e.ClientToken,
                _ => null,
            };
            if (string.IsNullOrEmpty(token))
            {
                Check(false, $"Create {Name(i)}: no ClientToken in {outcome.GetType().Name}");
                continue;
            }

            tokens.Add(token);
            if (outcome is EcsException failed)
            {
                Check(RanOutOfRetries(failed, token), $"Create {Name(i)}: false failure {failed.GetType().Name}");
            }

            // The emulator is fault-free now: creating again with the token must return the call's code, not a new one.
            CreateActivationResponse again = await client.CreateActivationAsync(new CreateActivationRequest { InstanceName = Name(i), ClientToken = token });
            created.Add(again.ActivationId);
            if (outcome is CreateActivationResponse first)
            {
                Check(first.ActivationId == again.ActivationId && string.Equals(first.ActivationCode, again.ActivationCode, StringComparison.Ordinal), $"Create {Name(i)}: the token's code is not the one returned");
            }

            Check(Emulator.Activations.Find("cn-hangzhou", again.ActivationId)?.InstanceName == Name(i), $"Create {Name(i)}: the token's code is not stored under its name");
        }

        var createLog = log.Where(r => r.Action == "CreateActivation").ToList();
        Check(createLog.Where(r => r.ActionSucceeded).Select(r => r.Parameters["ClientToken"]).All(tokens.Contains), "A create ran with a token no caller knows: an orphan");
        Check(created.Count == CallsPerAction, $"{created.Count} codes for {CallsPerAction} ClientTokens");
        Check(Emulator.Activations.InRegion("cn-hangzhou").Count(a => a.InstanceName.StartsWith("soak-", StringComparison.Ordinal)) == CallsPerAction, "Codes were created beyond one per ClientToken");

        // The log is truthful: the action ran exactly when the fault lets it.
        foreach (RecordedRequest r in log.Where(r => r.Fault is not null))
        {
            bool ran = r.ActionStatusCode is not null;
            bool expected = r.Fault!.Kind switch
            {
                EcsFaultKind.ActThenReset => ran && r.Outcome == RequestOutcome.Dropped,
                EcsFaultKind.ActThenTruncate => ran && r.Outcome == (r.ActionSucceeded ? RequestOutcome.Truncated : RequestOutcome.Failed),
                EcsFaultKind.ActLate => ran && r.IsSettled && r.Outcome is RequestOutcome.Abandoned or RequestOutcome.Succeeded or RequestOutcome.Failed,
                EcsFaultKind.DropConnection => !ran && r.Outcome == RequestOutcome.Dropped,
                _ => !ran && r.Outcome == RequestOutcome.Failed,
            };
            Check(expected, $"Log: {r}");
        }

        int faulted = log.Count(r => r.Fault is not null);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{calls.Length} calls, {log.Count} attempts, {faulted} faulted ({100.0 * faulted / log.Count:0.0}%): {string.Join(", ", log.Where(r => r.Fault is not null).GroupBy(r => r.Fault!.Kind).Select(g => $"{g.Key} {g.Count()}"))}; " +
            $"{failedCalls} calls ran out of retries; calls took {callsTook.TotalSeconds:0.0} s, all {clock.Elapsed.TotalSeconds:0.0} s"));
        Assert.True(failures.Count == 0, $"{failures.Count} outcomes disagree with the emulator:\n" + string.Join("\n", failures.Take(20)));
        Assert.InRange(faulted, log.Count / 5, log.Count * 2 / 5); // the mix did fault about 30% of the attempts
    }

    private static string Name(int index) => "soak-" + index.ToString("D4", CultureInfo.InvariantCulture);
}
