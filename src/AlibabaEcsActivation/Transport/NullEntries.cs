using System.Collections.Generic;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// A list in a success body that holds <c>null</c> (<c>"ActivationList":[null]</c>, <c>"Tags":[null]</c>)
/// is a malformed answer, not a result: results never hand the caller a null entry.
/// </summary>
internal static class NullEntries
{
    /// <summary>Why <paramref name="activation"/>'s tags are no valid answer, or null when they are.</summary>
    public static string? In(Activation activation) => HasNull(activation.Tags) ? "Tags holds a null entry." : null;

    /// <summary>Why <paramref name="activations"/> is no valid answer, or null when it is one.</summary>
    public static string? In(IReadOnlyList<Activation> activations)
    {
        if (HasNull(activations))
        {
            return "ActivationList holds a null entry.";
        }

        foreach (Activation activation in activations)
        {
            if (In(activation) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool HasNull<T>(IReadOnlyList<T> list)
        where T : class
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                return true;
            }
        }

        return false;
    }
}
