using System.Collections.Generic;
using AlibabaEcsActivation.Testing.Pipeline;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>What an action gets: the decoded parameters, the checked region and the emulator's state.</summary>
internal sealed class ActionContext(IReadOnlyDictionary<string, string> parameters, string regionId, ActivationStore store)
{
    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;

    /// <summary>A region that serves the activation APIs.</summary>
    public string RegionId { get; } = regionId;

    public ActivationStore Store { get; } = store;

    /// <summary>The parameter's value; <c>Missing&lt;Name&gt;</c> when absent or empty.</summary>
    public string Require(string name) =>
        Parameters.TryGetValue(name, out string? value) && value.Length > 0 ? value : throw ServiceError.Missing(name);
}
