using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>
/// DisableActivation: marks the code disabled and returns it. Idempotent, as the service is: a
/// second call returns the already-disabled code.
/// </summary>
internal sealed class DisableActivationAction : IEmulatedAction
{
    public string Name => "DisableActivation";

    public void Execute(ActionContext context, ResponseNode response)
    {
        string activationId = context.Require("ActivationId");
        EmulatedActivation disabled = context.Store.Update(context.RegionId, activationId, static a => a with { Disabled = true })
            ?? throw ServiceError.ActivationNotFound();
        response.Add(ActivationDocument.Create(disabled));
    }
}
