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
        foreach (Activation activation in activations)
        {
            string? problem = activation is null ? "ActivationList holds a null entry." : In(activation);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool HasNull(IReadOnlyList<Tag> tags)
    {
        foreach (Tag tag in tags)
        {
            if (tag is null)
            {
                return true;
            }
        }

        return false;
    }
}
