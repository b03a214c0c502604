using System;
using System.Collections.Generic;
using System.Linq;

namespace AlibabaEcsActivation;

/// <summary>The result of a bulk disable: one outcome per activation code, in input (or listing) order.</summary>
public sealed class BulkDisableResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="outcomes">One outcome per code.</param>
    public BulkDisableResult(IReadOnlyList<ActivationDisableOutcome> outcomes)
    {
        Outcomes = outcomes ?? throw new ArgumentNullException(nameof(outcomes));
    }

    /// <summary>One outcome per activation code, in the order of the IDs given (ID-list mode) or of the listing (filter mode).</summary>
    public IReadOnlyList<ActivationDisableOutcome> Outcomes { get; }

    /// <summary>How many codes were disabled by this call.</summary>
    public int DisabledCount => Count(ActivationDisableStatus.Disabled);

    /// <summary>How many codes were already disabled (filter mode only).</summary>
    public int AlreadyDisabledCount => Count(ActivationDisableStatus.AlreadyDisabled);

    /// <summary>How many codes did not exist.</summary>
    public int NotFoundCount => Count(ActivationDisableStatus.NotFound);

    /// <summary>How many codes could not be disabled.</summary>
    public int FailedCount => Count(ActivationDisableStatus.Failed);

    /// <summary>True when no code failed: every code is now disabled or does not exist.</summary>
    public bool Succeeded => FailedCount == 0;

    /// <inheritdoc />
    public override string ToString() =>
        $"BulkDisableResult {{ Disabled = {DisabledCount}, AlreadyDisabled = {AlreadyDisabledCount}, NotFound = {NotFoundCount}, Failed = {FailedCount} }}";

    private int Count(ActivationDisableStatus status) => Outcomes.Count(o => o.Status == status);
}
