namespace AlibabaEcsActivation.Cli.Hosting;

/// <summary>The tool's exit codes: a contract for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked was done.</summary>
    public const int Done = 0;

    /// <summary>A call or a code failed (or a code was not found).</summary>
    public const int Failed = 1;

    /// <summary>A usage error, or a refusal (no region, no confirmation, no credentials): nothing was changed.</summary>
    public const int Refused = 2;

    /// <summary>Interrupted (Ctrl+C, SIGINT or SIGTERM): the results known by then were printed and audited.</summary>
    public const int Interrupted = 130;
}
