using System;

namespace AlibabaEcsActivation;

/// <summary>
/// Passes a bulk disable's outcomes to <see cref="BulkDisableOptions.Progress"/> one at a time: the
/// workers finish concurrently, and a reporter written for one caller should not have to lock.
/// </summary>
internal sealed class OutcomeReporter(IProgress<ActivationDisableOutcome>? progress)
{
    private readonly object _gate = new();

    /// <summary>Reports <paramref name="outcome"/> (when anyone listens) and returns it.</summary>
    public ActivationDisableOutcome Report(ActivationDisableOutcome outcome)
    {
        if (progress is not null)
        {
            lock (_gate)
            {
                progress.Report(outcome);
            }
        }

        return outcome;
    }
}
