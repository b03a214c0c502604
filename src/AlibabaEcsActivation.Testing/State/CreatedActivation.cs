namespace AlibabaEcsActivation.Testing;

/// <summary>What CreateActivation answered: the new code's ID and its secret code string.</summary>
internal sealed record CreatedActivation(string ActivationId, string ActivationCode)
{
    // The generated ToString would print the code string.
    public override string ToString() => $"CreatedActivation {{ ActivationId = {ActivationId} }}";
}
