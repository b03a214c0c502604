using System;
using System.Collections.Generic;
using System.Globalization;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Actions;

/// <summary>What an action gets: the decoded parameters, the checked region, the emulator's state and clock.</summary>
internal sealed class ActionContext(IReadOnlyDictionary<string, string> parameters, string regionId, ActivationStore store, DateTimeOffset now, string account)
{
    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;

    /// <summary>A region that serves the activation APIs.</summary>
    public string RegionId { get; } = regionId;

    public ActivationStore Store { get; } = store;

    /// <summary>When the request is processed (emulator clock).</summary>
    public DateTimeOffset Now { get; } = now;

    /// <summary>Who is calling. The emulator has no account model: the (authenticated) AccessKeyId stands for the account.</summary>
    public string Account { get; } = account;

    /// <summary>The parameter's value; <c>Missing&lt;Name&gt;</c> when absent or empty.</summary>
    public string Require(string name) => Optional(name) ?? throw ServiceError.Missing(name);

    /// <summary>The parameter's value, or null when absent or empty (an empty optional parameter counts as not sent).</summary>
    public string? Optional(string name) =>
        Parameters.TryGetValue(name, out string? value) && value.Length > 0 ? value : null;

    /// <summary>An optional whole number in [<paramref name="min"/>, <paramref name="max"/>]; <c>Invalid&lt;Name&gt;.Malformed</c> otherwise.</summary>
    public long? OptionalNumber(string name, long min, long max)
    {
        if (Optional(name) is not { } text)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max
            ? value
            : throw ServiceError.Malformed(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be an integer from {min} to {max}."));
    }
}
