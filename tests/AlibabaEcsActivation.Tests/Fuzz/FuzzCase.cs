using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Tests.Fuzz;

internal enum FuzzMethod
{
    Disable,
    Describe,
    Create,
    Delete,
    Walk,
    BulkIds,
    BulkFilter,
}

/// <summary>What one case did and which rules it broke.</summary>
internal sealed class CaseResult
{
    public required int Seed { get; init; }
    public required FuzzMethod Method { get; init; }
    public required FuzzWorld World { get; init; }
    public List<Violation> Violations { get; } = new();

    /// <summary>"success" or the exception type that ended the call.</summary>
    public string Outcome { get; set; } = "(not run)";
}

/// <summary>
/// One fuzz case: a client with a seed-chosen configuration calls one public method against the fuzz
/// service, and the oracle checks the rule of issue "Truthful under faults": only ArgumentException (for the
/// caller's own bad input, before any I/O), OperationCanceledException (for the caller's own token) or an
/// EcsException subclass escapes; no null inside a returned collection; no hang; no planted secret or
/// signature in any exception text; one outcome per bulk ID; no success without a 2xx answer.
/// </summary>
internal static class FuzzCase
{
    /// <summary>A case that has not finished by then hangs: no case waits on the clock in real time.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);

    private static readonly (FuzzMethod Method, int Weight)[] Methods =
    {
        (FuzzMethod.Disable, 16), (FuzzMethod.Describe, 14), (FuzzMethod.Create, 14), (FuzzMethod.Delete, 14),
        (FuzzMethod.Walk, 16), (FuzzMethod.BulkIds, 13), (FuzzMethod.BulkFilter, 13),
    };

    private static readonly string?[] Regions = { null, null, "cn-hangzhou", "cn-beijing", "ap-southeast-1" };

    public static async Task<CaseResult> RunAsync(int seed)
    {
        var r = new Random(seed);
        double[] faultRates = { 0.05, 0.25, 0.6, 1.0 };
        bool stalls = r.Next(300) == 0;
        var world = new FuzzWorld(seed)
        {
            FaultRate = faultRates[r.Next(faultRates.Length)],
            MaxDepth = r.Next(0, 8),
            Stalls = stalls,
            MayCancelCaller = r.Next(80) == 0,
        };
        FuzzMethod method = PickMethod(r);
        var result = new CaseResult { Seed = seed, Method = method, World = world };
        var oracle = new Oracle(result);

        var options = new EcsActivationClientOptions
        {
            RegionId = "cn-hangzhou",
            Endpoint = "http://127.0.0.1",
            AccessKeyId = DocumentedBodies.AccessKeyId,
            AccessKeySecret = DocumentedBodies.SecretCanary,
            MaxRetries = stalls ? r.Next(0, 2) : r.Next(0, 3),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(1 + r.Next(2)),
            RetryThrottling = r.Next(4) != 0,
            AttemptTimeout = stalls ? FuzzWorld.StallingAttemptTimeout : TimeSpan.FromSeconds(10),
            Timeout = TimeSpan.FromSeconds(30),
            TimeProvider = world.Clock,
        };

        using var handler = new FuzzHandler(world);
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new EcsActivationClient(options, http);
        CancellationToken token = world.Caller.Token;
        Task run = method switch
        {
            FuzzMethod.Disable => DisableAsync(client, r, oracle, token),
            FuzzMethod.Describe => DescribeAsync(client, r, oracle, token),
            FuzzMethod.Create => CreateAsync(client, r, oracle, token),
            FuzzMethod.Delete => DeleteAsync(client, r, oracle, token),
            FuzzMethod.Walk => WalkAsync(client, r, oracle, token),
            FuzzMethod.BulkIds => BulkIdsAsync(client, r, oracle, token),
            _ => BulkFilterAsync(client, r, oracle, token),
        };

        try
        {
            await run.WaitAsync(HangLimit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            oracle.Add("hang", $"the call did not finish within {HangLimit.TotalSeconds:0} s", detail: world.Progress());
            world.Caller.Cancel(); // release it
        }

        if (world.RunawayWalk)
        {
            oracle.Add("runaway paging", $"more than {FuzzWorld.RunawayDescribes} DescribeActivations attempts in one call", detail: $"{world.DescribeRequests} attempts; the service had sent a last page after {FuzzWorld.DescribeBudget}");
        }

        return result;
    }

    private static FuzzMethod PickMethod(Random r)
    {
        int n = r.Next(Methods.Sum(m => m.Weight));
        foreach (var (m, weight) in Methods)
        {
            if (n < weight)
            {
                return m;
            }

            n -= weight;
        }

        return FuzzMethod.Disable;
    }

    private static string Id(Random r, Oracle o) => $"act-{o.Seed:x}-{(char)('a' + r.Next(5))}";

    private static async Task DisableAsync(EcsActivationClient client, Random r, Oracle o, CancellationToken token)
    {
        string id = Id(r, o);
        bool byString = r.Next(2) == 0;
        string? region = Regions[r.Next(Regions.Length)];
        try
        {
            DisableActivationResponse response = byString
                ? await client.DisableActivationAsync(id, token).ConfigureAwait(false)
                : await client.DisableActivationAsync(new DisableActivationRequest(id) { RegionId = region }, token).ConfigureAwait(false);
            o.Succeeded();
            o.Truthful("DisableActivation", id);
            o.NotNull(response, "DisableActivationResponse");
            o.Activation(response?.Activation, "DisableActivationResponse.Activation");
        }
        catch (Exception e)
        {
            o.Threw(e);
        }
    }

    private static async Task DeleteAsync(EcsActivationClient client, Random r, Oracle o, CancellationToken token)
    {
        string id = Id(r, o);
        bool byString = r.Next(2) == 0;
        string? region = Regions[r.Next(Regions.Length)];
        try
        {
            DeleteActivationResponse response = byString
                ? await client.DeleteActivationAsync(id, token).ConfigureAwait(false)
                : await client.DeleteActivationAsync(new DeleteActivationRequest(id) { RegionId = region }, token).ConfigureAwait(false);
            o.Succeeded();
            o.NotNull(response, "DeleteActivationResponse");
            if (response?.DeletedByEarlierAttempt == true)
            {
                // Deleted by an attempt whose answer was lost: only a later NotFound may say so, and there is no Activation to show.
                o.DeletedByEarlierAttempt("DeleteActivation", id, response.Activation);
            }
            else
            {
                o.Truthful("DeleteActivation", id);
                o.Activation(response?.Activation, "DeleteActivationResponse.Activation");
            }
        }
        catch (Exception e)
        {
            o.Threw(e);
        }
    }

    private static async Task CreateAsync(EcsActivationClient client, Random r, Oracle o, CancellationToken token)
    {
        CreateActivationRequest request = r.Next(3) switch
        {
            0 => new CreateActivationRequest(),
            1 => new CreateActivationRequest { InstanceName = "web-01", Description = "fuzz", InstanceCount = 10, TimeToLiveInHours = 4, IpAddressRange = "0.0.0.0/0" },
            _ => new CreateActivationRequest { Tags = new[] { new Tag("team", "ops"), new Tag("env", string.Empty) }, ClientToken = "tok-" + o.Seed, RegionId = Regions[r.Next(Regions.Length)] },
        };
        try
        {
            CreateActivationResponse response = await client.CreateActivationAsync(request, token).ConfigureAwait(false);
            o.Succeeded();
            o.Truthful("CreateActivation");
            o.NotNull(response, "CreateActivationResponse");
            if (response is not null && (string.IsNullOrEmpty(response.ActivationId) || string.IsNullOrEmpty(response.ActivationCode)))
            {
                o.Add("incomplete result", "CreateActivationResponse without ActivationId or ActivationCode");
            }
        }
        catch (Exception e)
        {
            o.Threw(e);
        }
    }

    private static DescribeActivationsRequest DescribeRequest(Random r, bool walk) => r.Next(walk ? 4 : 6) switch
    {
        0 => new DescribeActivationsRequest(),
        1 => new DescribeActivationsRequest { MaxResults = r.Next(1, 51) },
        2 => new DescribeActivationsRequest { InstanceName = "web", Tags = new[] { new Tag("team", "ops") }, RegionId = Regions[r.Next(Regions.Length)] },
        3 => new DescribeActivationsRequest { MaxResults = 10, NextToken = "AAAAAdDWBF2" },
        4 => new DescribeActivationsRequest { PageNumber = r.Next(1, 5), PageSize = 10 },
        _ => new DescribeActivationsRequest { ActivationId = "act-filter", ResourceGroupId = "rg-1" },
    };

    private static async Task DescribeAsync(EcsActivationClient client, Random r, Oracle o, CancellationToken token)
    {
        DescribeActivationsRequest request = DescribeRequest(r, walk: false);
        try
        {
            DescribeActivationsResponse response = await client.DescribeActivationsAsync(request, token).ConfigureAwait(false);
            o.Succeeded();
            o.Truthful("DescribeActivations");
            o.NotNull(response, "DescribeActivationsResponse");
            o.Activations(response?.ActivationList, "DescribeActivationsResponse.ActivationList");
        }
        catch (Exception e)
        {
            o.Threw(e);
        }
    }

    private static async Task WalkAsync(EcsActivationClient client, Random r, Oracle o, CancellationToken token)
    {
        DescribeActivationsRequest? request = r.Next(4) == 0 ? null : DescribeRequest(r, walk: true);
        int count = 0;
        try
        {
            await foreach (Activation activation in client.DescribeAllActivationsAsync(request, token).ConfigureAwait(false))
            {
                o.Activation(activation, "an item of DescribeAllActivationsAsync");
                if (++count > 5000)
                {
                    o.Add("runaway paging", "DescribeAllActivationsAsync yielded more than 5000 codes", detail: $"{o.World.DescribeRequests} pages");
                    break;
                }
            }

            o.Succeeded();
            if (o.World.DescribeRequests > 0)
            {
                o.Truthful("DescribeActivations");
            }
        }
        catch (Exception e)
        {
            o.Threw(e);
        }
    }

    private static async Task BulkIdsAsync(EcsActivationClient client, Random r, Oracle o, CancellationToken token)
    {
        var ids = Enumerable.Range(0, r.Next(0, 9)).Select(_ => Id(r, o)).ToList();
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var options = new BulkDisableOptions { MaxConcurrency = r.Next(1, 5), RegionId = Regions[r.Next(Regions.Length)] };
        try
        {
            BulkDisableResult result = await client.DisableActivationsAsync(ids, options, token).ConfigureAwait(false);
            o.Succeeded();
            IReadOnlyList<ActivationDisableOutcome?>? outcomes = o.Outcomes(result);
            if (outcomes is null)
            {
                return;
            }

            if (outcomes.Count != distinct.Count)
            {
                o.Add("bulk outcome count", "ID-list mode: not exactly one outcome per distinct ID", detail: $"{distinct.Count} distinct IDs, {outcomes.Count} outcomes");
                return;
            }

            for (int i = 0; i < distinct.Count; i++)
            {
                if (outcomes[i] is { } outcome && !string.Equals(outcome.ActivationId, distinct[i], StringComparison.Ordinal))
                {
                    o.Add("bulk outcome order", "ID-list mode: outcome i is not for ID i", detail: $"outcome {i} is for another ID");
                    break;
                }
            }
        }
        catch (Exception e)
        {
            o.Threw(e); // what the rule forbids outright is reported there
            if (e is EcsException)
            {
                o.Add("bulk threw", "ID-list mode threw instead of reporting an outcome per ID", e);
            }
        }
    }

    private static async Task BulkFilterAsync(EcsActivationClient client, Random r, Oracle o, CancellationToken token)
    {
        DescribeActivationsRequest filter = r.Next(3) switch
        {
            0 => new DescribeActivationsRequest(),
            1 => new DescribeActivationsRequest { MaxResults = r.Next(1, 51) },
            _ => new DescribeActivationsRequest { InstanceName = "web", RegionId = Regions[r.Next(Regions.Length)] },
        };
        var options = new BulkDisableOptions { MaxConcurrency = r.Next(1, 5), AllInRegion = filter.InstanceName is null };
        try
        {
            BulkDisableResult result = await client.DisableMatchingActivationsAsync(filter, options, token).ConfigureAwait(false);
            o.Succeeded();
            if (o.World.DescribeRequests > 0)
            {
                o.Truthful("DescribeActivations");
            }

            IReadOnlyList<ActivationDisableOutcome?>? outcomes = o.Outcomes(result);
            if (outcomes is null)
            {
                return;
            }

            var present = outcomes.OfType<ActivationDisableOutcome>().ToList();
            foreach (string id in o.World.DisableRequests.Keys)
            {
                // More than one is reported below, as an ID with several outcomes.
                if (!present.Any(x => string.Equals(x.ActivationId, id, StringComparison.Ordinal)))
                {
                    o.Add("bulk outcome count", "filter mode: a code DisableActivation was called for has no outcome");
                }
            }

            var repeated = present.Where(x => !string.IsNullOrEmpty(x.ActivationId)).GroupBy(x => x.ActivationId, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
            if (repeated.Count > 0)
            {
                string statuses = string.Join(" / ", repeated[0].Select(x => x.Status.ToString()));
                o.Add("bulk outcome count", "filter mode: one listed ID has several outcomes", detail: $"{repeated.Count} ID(s) reported more than once, e.g. as {statuses}");
            }
        }
        catch (Exception e)
        {
            o.Threw(e);
            if (e is EcsException && o.World.DisableRequests.Count > 0)
            {
                o.Add("bulk filter threw after disabling", "filter mode threw although codes were already disabled (documented: the listing failed, no code was disabled)", e);
            }
        }
    }
}
