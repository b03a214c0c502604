using System;

namespace AlibabaEcsActivation;

/// <summary>How a bulk disable (<c>DisableActivationsAsync</c>, <c>DisableMatchingActivationsAsync</c>) runs.</summary>
public sealed class BulkDisableOptions
{
    /// <summary>The largest <see cref="MaxConcurrency"/> allowed.</summary>
    public const int MaxConcurrencyLimit = 64;

    /// <summary>
    /// The bound on how many DisableActivation calls may run at once, 1 to <see cref="MaxConcurrencyLimit"/>. Default 16.
    /// Within it the run adapts to the service's flow control: it starts with up to 8 calls in flight, lets more in
    /// while calls succeed, halves on <c>Throttling</c>, and paces its attempts (retries included) at the rate the
    /// service accepts. The bound matters at long round trips: a rate of <c>r</c> requests per second over a round trip
    /// of <c>t</c> seconds needs <c>r × t</c> calls in flight (16 allow 80/s at 200 ms).
    /// </summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>
    /// ID-list mode: the region of the codes, e.g. <c>cn-hangzhou</c>; null uses <see cref="EcsActivationClientOptions.RegionId"/>.
    /// Filter mode: leave null and set <see cref="DescribeActivationsRequest.RegionId"/> instead (setting both is an <see cref="System.ArgumentException"/>).
    /// </summary>
    public string? RegionId { get; init; }

    /// <summary>
    /// Filter mode only: true says "disable every enabled code in the region", with a filter that sets no
    /// condition (e.g. <c>new DescribeActivationsRequest { RegionId = "cn-hangzhou" }</c>). Without it such a
    /// filter is an <see cref="System.ArgumentException"/>, so that an empty filter never disables every code
    /// by mistake; with it, a filter that does set a condition is one too. Default false.
    /// </summary>
    public bool AllInRegion { get; init; }

    /// <summary>
    /// Told each code's outcome as soon as it is known, before the whole operation ends: one report per
    /// outcome of the final <see cref="BulkDisableResult"/>, in the order they complete, never two at once.
    /// In filter mode the codes the listing shows already disabled are reported first. Null (the default)
    /// reports nothing. An exception the reporter throws is not caught: it ends the operation, so keep it
    /// quick and let <see cref="Progress{T}"/> move slow work (a UI) elsewhere.
    /// </summary>
    public IProgress<ActivationDisableOutcome>? Progress { get; init; }
}
