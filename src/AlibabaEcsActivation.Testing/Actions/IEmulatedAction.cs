using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>
/// One API action of the emulated service. The pipeline has already authenticated the request,
/// checked <c>RegionId</c> and applied any fault; an action reads its parameters, changes the
/// store and returns the body below <c>RequestId</c>, or throws a <see cref="ServiceError"/>.
/// To emulate another action, write one class and list it in <see cref="ActionRegistry"/>.
/// </summary>
internal interface IEmulatedAction
{
    /// <summary>The <c>Action</c> parameter it answers, e.g. <c>DisableActivation</c>.</summary>
    string Name { get; }

    /// <summary>Fills <paramref name="response"/> (which already holds <c>RequestId</c>).</summary>
    void Execute(ActionContext context, ResponseNode response);
}
