using System;

namespace AlibabaEcsActivation.Testing;

/// <summary>What the action itself answered, whether or not the client received it.</summary>
/// <param name="StatusCode">200, or the service error's status (e.g. 404).</param>
/// <param name="ErrorCode">The service error's code, null on success.</param>
/// <param name="At">When it ran (emulator clock).</param>
internal sealed record ActionResult(int StatusCode, string? ErrorCode, DateTimeOffset At);
