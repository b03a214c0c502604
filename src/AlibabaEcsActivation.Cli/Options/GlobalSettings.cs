using System;

namespace AlibabaEcsActivation.Cli.Options;

/// <summary>The global options' values, as given (null when not).</summary>
internal sealed record GlobalSettings
{
    public string? Region { get; init; }
    public string? Endpoint { get; init; }
    public string? Profile { get; init; }
    public bool Json { get; init; }
    public string? AuditLogPath { get; init; }
    public int? MaxConcurrency { get; init; }
    public TimeSpan? Timeout { get; init; }
    public bool UseEmulator { get; init; }
    public string? SignatureAlgorithm { get; init; }
}
