using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.FlowControl;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation;

public partial class EcsActivationClient
{
    /// <inheritdoc />
    public virtual Task<BulkDisableResult> DisableActivationsAsync(IEnumerable<string> activationIds, BulkDisableOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (activationIds is null)
        {
            throw new ArgumentNullException(nameof(activationIds));
        }

        options ??= new BulkDisableOptions();
        ValidateBulkOptions(options);
        if (options.AllInRegion)
        {
            throw new ArgumentException("BulkDisableOptions.AllInRegion applies to DisableMatchingActivationsAsync only; a list of IDs disables just those codes.", nameof(options));
        }

        if (options.RegionId is not null)
        {
            InputValidator.RequireRegionId(options.RegionId, nameof(options));
        }

        // Every ID is checked before the first call; repeats are disabled (and reported) once.
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (string id in activationIds)
        {
            InputValidator.RequireId(id, nameof(activationIds), $"activation ID at index {index.ToString(CultureInfo.InvariantCulture)}");
            if (seen.Add(id))
            {
                ids.Add(id);
            }

            index++;
        }

        return DisableEachAsync(ids, options.RegionId, options.MaxConcurrency, new OutcomeReporter(options.Progress), cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<BulkDisableResult> DisableMatchingActivationsAsync(DescribeActivationsRequest filter, BulkDisableOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (filter is null)
        {
            throw new ArgumentNullException(nameof(filter));
        }

        options ??= new BulkDisableOptions();
        ValidateBulkOptions(options);
        if (options.RegionId is not null)
        {
            throw new ArgumentException("In filter mode the region is DescribeActivationsRequest.RegionId; leave BulkDisableOptions.RegionId null.", nameof(options));
        }

        ValidateWalk(filter, nameof(filter));
        RequireAllToBeExplicit(filter, options);
        return DisableMatchingAsync(filter, options.MaxConcurrency, new OutcomeReporter(options.Progress), cancellationToken);
    }

    /// <summary>
    /// Lists every match first, then disables: the listing is complete before any state changes, and
    /// the listing already tells which codes are disabled, so those cost no call.
    /// </summary>
    private async Task<BulkDisableResult> DisableMatchingAsync(DescribeActivationsRequest filter, int maxConcurrency, OutcomeReporter reporter, CancellationToken cancellationToken)
    {
        var listed = new List<Activation>();
        await foreach (Activation activation in DescribeAllActivationsAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            listed.Add(activation);
        }

        var enabledIds = new HashSet<string>(listed.Where(a => !a.Disabled && !string.IsNullOrEmpty(a.ActivationId)).Select(a => a.ActivationId!), StringComparer.Ordinal);

        // One outcome per listed code, in listing order. A code listed twice is reported once: by its
        // disable call if any listing showed it enabled, else as already disabled. Those that need no
        // call are known now, so they are reported before the calls start.
        var outcomes = new ActivationDisableOutcome?[listed.Count];
        var toDisable = new List<string>(enabledIds.Count);
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < listed.Count; i++)
        {
            Activation activation = listed[i];
            string? id = activation.ActivationId;
            if (string.IsNullOrEmpty(id))
            {
                outcomes[i] = reporter.Report(activation.Disabled
                    ? new ActivationDisableOutcome(string.Empty, ActivationDisableStatus.AlreadyDisabled, activation)
                    : ActivationDisableOutcome.UnidentifiedEnabledCode(activation));
            }
            else if (!slots.ContainsKey(id!))
            {
                slots.Add(id!, i);
                if (enabledIds.Contains(id!))
                {
                    toDisable.Add(id!);
                }
                else
                {
                    outcomes[i] = reporter.Report(new ActivationDisableOutcome(id!, ActivationDisableStatus.AlreadyDisabled, activation));
                }
            }
        }

        BulkDisableResult disabled = await DisableEachAsync(toDisable, filter.RegionId, maxConcurrency, reporter, cancellationToken).ConfigureAwait(false);
        foreach (ActivationDisableOutcome outcome in disabled.Outcomes)
        {
            outcomes[slots[outcome.ActivationId]] = outcome;
        }

        return new BulkDisableResult(outcomes.Where(o => o is not null).ToList()!);
    }

    /// <summary>
    /// Disables each code at the pace and concurrency the service allows (see <see cref="FlowController"/>), never
    /// more than <paramref name="maxConcurrency"/> calls in flight; every code gets an outcome.
    /// </summary>
    private async Task<BulkDisableResult> DisableEachAsync(IReadOnlyList<string> ids, string? regionId, int maxConcurrency, OutcomeReporter reporter, CancellationToken cancellationToken)
    {
        var outcomes = new ActivationDisableOutcome[ids.Count];
        var flow = new FlowController(maxConcurrency, MinimumBulkRate(), _settings.RetryMaxDelay, _settings.TimeProvider);
        int next = -1;

        // A fixed set of workers pulling the next index: the bound is structural. Each call first enters the
        // controller, which lets in as many at once as it has learnt the service takes.
        async Task WorkAsync()
        {
            while (true)
            {
                await flow.EnterAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    int i = Interlocked.Increment(ref next);
                    if (i >= ids.Count)
                    {
                        return;
                    }

                    outcomes[i] = reporter.Report(await DisableOneAsync(ids[i], regionId, flow, cancellationToken).ConfigureAwait(false));
                }
                finally
                {
                    flow.Exit();
                }
            }
        }

        var workers = new Task[Math.Min(maxConcurrency, ids.Count)];
        for (int w = 0; w < workers.Length; w++)
        {
            workers[w] = WorkAsync();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        return new BulkDisableResult(outcomes);
    }

    /// <summary>
    /// One code (its ID the caller's, validated already, or the service's own from a listing). Throttling is
    /// retried inside the call, at the run's pace, which throttling slows. A call whose every attempt was
    /// throttled is made again, at the same pace, when the service accepted other calls of the run while it
    /// lasted: the service is taking calls, just not this one yet, and a throttled request was not acted on.
    /// When nothing got through meanwhile, or throttling is not to be retried
    /// (<see cref="EcsActivationClientOptions.RetryThrottling"/>), the throttling is the code's outcome. The run
    /// ends however the service answers: a call is made again only when another call's answer was accepted
    /// meanwhile, and a call made again had none of its own accepted, so those answers are finitely many.
    /// What else fails becomes a Failed outcome at once. Only the caller's cancellation ends the whole bulk
    /// operation.
    /// </summary>
    private async Task<ActivationDisableOutcome> DisableOneAsync(string activationId, string? regionId, FlowController flow, CancellationToken cancellationToken)
    {
        int earlierAttempts = 0; // those of this code's earlier, throttled calls
        while (true)
        {
            RpcCall call = ActivationCall("DisableActivation", activationId, regionId);
            call.FlowControl = flow;
            long acceptedBefore = flow.AcceptedInRun;
            try
            {
                DisableActivationResponse response = await _invoker.InvokeAsync(call, DisabledCode, cancellationToken).ConfigureAwait(false);
                return new ActivationDisableOutcome(activationId, ActivationDisableStatus.Disabled, response.Activation)
                {
                    Attempts = earlierAttempts + response.ResponseMetadata.Attempts,
                    RequestId = response.ResponseMetadata.RequestId,
                };
            }
            catch (ThrottlingException e) when (_settings.RetryThrottling && call.ThrottledAttempts == call.Attempts && flow.AcceptedInRun > acceptedBefore)
            {
                earlierAttempts += e.Attempts;
            }
            catch (ActivationNotFoundException e)
            {
                return new ActivationDisableOutcome(activationId, ActivationDisableStatus.NotFound, exception: e) { Attempts = earlierAttempts + e.Attempts };
            }
            catch (EcsException e)
            {
                return new ActivationDisableOutcome(activationId, ActivationDisableStatus.Failed, exception: e) { Attempts = earlierAttempts + e.Attempts };
            }
        }
    }

    /// <summary>
    /// The slowest pace a bulk run backs off to: one attempt per throttling backoff base (five times
    /// <c>RetryBaseDelay</c>), so a run is never slower than its calls would be backing off alone.
    /// </summary>
    private double MinimumBulkRate() => 1 / (RpcInvoker.ThrottlingFactor * _settings.RetryBaseDelay.TotalSeconds);

    /// <summary>
    /// An empty filter matches every code in the region: a mistake (a filter built from an unset value)
    /// must not disable them all, so that takes <see cref="BulkDisableOptions.AllInRegion"/>. The flag
    /// beside a filter is refused too: the call would disable less than the flag says.
    /// </summary>
    private static void RequireAllToBeExplicit(DescribeActivationsRequest filter, BulkDisableOptions options)
    {
        bool filters = filter.ActivationId is not null || filter.InstanceName is not null || filter.ResourceGroupId is not null || filter.Tags is { Count: > 0 };
        if (!filters && !options.AllInRegion)
        {
            throw new ArgumentException(
                "The filter sets no condition (ActivationId, InstanceName, ResourceGroupId or Tags), so it matches every activation code in the region. " +
                "To disable every enabled code in the region, say so: new BulkDisableOptions { AllInRegion = true }.",
                nameof(filter));
        }

        if (filters && options.AllInRegion)
        {
            throw new ArgumentException(
                "BulkDisableOptions.AllInRegion disables every code in the region, but the filter sets a condition: set one or the other.",
                nameof(options));
        }
    }

    private static void ValidateBulkOptions(BulkDisableOptions options)
    {
        if (options.MaxConcurrency < 1 || options.MaxConcurrency > BulkDisableOptions.MaxConcurrencyLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrency, $"BulkDisableOptions.MaxConcurrency must be between 1 and {BulkDisableOptions.MaxConcurrencyLimit}.");
        }
    }
}
