using System;
using System.Globalization;

namespace AlibabaEcsActivation;

/// <summary>
/// What the HTTP exchange behind a response was: the status code and request ID of the attempt that
/// answered, how many attempts the call made and how long it took (retries and backoffs included, on the
/// client's <see cref="TimeProvider"/>). Holds nothing secret: no URL, header, signature or body.
/// </summary>
public sealed class EcsResponseMetadata
{
    /// <summary>Creates metadata (public so that test doubles of <see cref="IEcsActivationClient"/> can build responses).</summary>
    /// <param name="statusCode">The HTTP status of the answering attempt, e.g. 200.</param>
    /// <param name="requestId">The request ID the service gave that attempt; null when there is none.</param>
    /// <param name="attempts">How many attempts the call made, from 1.</param>
    /// <param name="elapsed">How long the call took.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or the duration is negative.</exception>
    public EcsResponseMetadata(int statusCode, string? requestId, int attempts, TimeSpan elapsed)
    {
        if (statusCode < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "The status code must not be negative.");
        }

        if (attempts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(attempts), attempts, "The number of attempts must not be negative.");
        }

        if (elapsed < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(elapsed), elapsed, "The elapsed time must not be negative.");
        }

        StatusCode = statusCode;
        RequestId = requestId;
        Attempts = attempts;
        Elapsed = elapsed;
    }

    /// <summary>The HTTP status code of the attempt that answered, e.g. 200 (404 for a Delete whose code an earlier attempt removed); 0 on a response the client did not receive.</summary>
    public int StatusCode { get; }

    /// <summary>The request ID of the attempt that answered, to quote to Alibaba Cloud support.</summary>
    public string? RequestId { get; }

    /// <summary>How many attempts the call made: 1 without retries, 2 after one retry; 0 on a response the client did not receive.</summary>
    public int Attempts { get; }

    /// <summary>How long the call took, from its start to its answer, retries and backoffs included.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>What a response built without metadata carries: zeros.</summary>
    internal static EcsResponseMetadata None { get; } = new(0, null, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override string ToString() =>
        $"EcsResponseMetadata {{ StatusCode = {StatusCode.ToString(CultureInfo.InvariantCulture)}, RequestId = {RequestId}, Attempts = {Attempts.ToString(CultureInfo.InvariantCulture)}, Elapsed = {Elapsed.ToString("c", CultureInfo.InvariantCulture)} }}";
}
