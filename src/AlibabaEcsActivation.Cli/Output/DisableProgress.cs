using System;

namespace AlibabaEcsActivation.Cli.Output;

/// <summary>The bulk disable's <see cref="BulkDisableOptions.Progress"/>: each outcome, as it completes, to the reporter.</summary>
internal sealed class DisableProgress : IProgress<ActivationDisableOutcome>
{
    private readonly ResultReporter _reporter;

    public DisableProgress(ResultReporter reporter) => _reporter = reporter;

    /// <summary>Every outcome of a disable by ID is a DisableActivation call's: printed and audited.</summary>
    public void Report(ActivationDisableOutcome value) => _reporter.Report(ResultLine.From(value));
}
