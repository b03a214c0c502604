namespace AlibabaEcsActivation;

/// <summary>What a bulk disable did to one activation code.</summary>
public enum ActivationDisableStatus
{
    /// <summary>DisableActivation succeeded; the code is now disabled. In ID-list mode this includes codes that were already disabled.</summary>
    Disabled,

    /// <summary>The code was already disabled, so no call was made (filter mode only, where the listing tells the prior state).</summary>
    AlreadyDisabled,

    /// <summary>The service answered <c>ActivationId.NotFound</c>: there is no such code in the region, so nothing can use it.</summary>
    NotFound,

    /// <summary>The call failed after its retries; see <see cref="ActivationDisableOutcome.ErrorCode"/> and <see cref="ActivationDisableOutcome.Exception"/>.</summary>
    Failed,
}
