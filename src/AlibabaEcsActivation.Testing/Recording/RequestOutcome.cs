namespace AlibabaEcsActivation.Testing;

/// <summary>How the emulator finished with a request.</summary>
public enum RequestOutcome
{
    /// <summary>Still being processed (e.g. inside a <see cref="EcsFault.Delay"/>).</summary>
    Pending = 0,

    /// <summary>Answered with a 2xx and the action's result.</summary>
    Succeeded = 1,

    /// <summary>Answered with an error status (a service error or a scripted fault).</summary>
    Failed = 2,

    /// <summary>The connection was dropped on purpose (<see cref="EcsFault.DropConnection"/>).</summary>
    Dropped = 3,

    /// <summary>The client went away (timeout or cancellation) before the answer was ready.</summary>
    Abandoned = 4,
}
