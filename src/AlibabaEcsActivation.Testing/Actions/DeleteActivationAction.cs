using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>
/// DeleteActivation: removes an unused code and returns it as it was, without <c>Disabled</c> (the
/// documented response has no such field). A code with registered instances that are not deregistered
/// (RegisteredCount − DeregisteredCount &gt; 0) answers 403 <c>ActivationId.InUse</c> and stays; disabled or
/// not does not matter.
/// </summary>
internal sealed class DeleteActivationAction : IEmulatedAction
{
    public string Name => "DeleteActivation";

    public void Execute(ActionContext context, ResponseNode response)
    {
        string activationId = context.Require("ActivationId");
        EmulatedActivation deleted = context.Store.RemoveIf(context.RegionId, activationId, static a =>
            {
                if (a.InUseCount > 0)
                {
                    throw ServiceError.ActivationInUse();
                }
            })
            ?? throw ServiceError.ActivationNotFound();
        response.Add(ActivationDocument.Create(deleted, includeDisabled: false));
    }
}
