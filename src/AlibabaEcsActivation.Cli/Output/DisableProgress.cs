using System;

namespace AlibabaEcsActivation.Cli.Output;

/// <summary>The bulk disable's <see cref="BulkDisableOptions.Progress"/>: each outcome, as it completes, to the reporter.</summary>
internal sealed class DisableProgress : IProgress<ActivationDisableOutcome>
{
    private readonly ResultReporter _reporter;

    public DisableProgress(ResultReporter reporter) => _reporter = reporter;

    public void Report(ActivationDisableOutcome value) =>
        // A code the listing showed disabled needed no call: it is printed, but there is no call to audit.
        _reporter.Report(ResultLine.From(value), audited: !(value.Status == ActivationDisableStatus.AlreadyDisabled && value.Attempts == 0));
}
