using System;
using System.Collections.Generic;
using System.Linq;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>The actions the emulator answers; any other <c>Action</c> gets <c>InvalidAction.NotFound</c>.</summary>
internal static class ActionRegistry
{
    private static readonly Dictionary<string, IEmulatedAction> ByName = new IEmulatedAction[]
    {
        new CreateActivationAction(),
        new DescribeActivationsAction(),
        new DisableActivationAction(),
        new DeleteActivationAction(),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public static IEmulatedAction? Find(string name) => ByName.TryGetValue(name, out IEmulatedAction? action) ? action : null;
}
