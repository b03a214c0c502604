using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// One request the emulator received: what was sent (secrets redacted) and the verdict. Recorded on
/// arrival, so a request still in a delay is visible with <see cref="RequestOutcome.Pending"/>.
/// </summary>
public sealed class RecordedRequest
{
    /// <summary>What replaces the value of a secret parameter (<c>Signature</c>, <c>SecurityToken</c>, ...).</summary>
    public const string Redacted = "<redacted>";

    private Verdict _verdict = new(RequestOutcome.Pending, null, null, null);

    internal RecordedRequest(long sequence, DateTimeOffset receivedAt, string method, IReadOnlyDictionary<string, string> parameters, int attempt)
    {
        Sequence = sequence;
        ReceivedAt = receivedAt;
        Method = method;
        Parameters = parameters;
        Attempt = attempt;
    }

    /// <summary>1 for the first request the emulator received, then 2, 3, ...</summary>
    public long Sequence { get; }

    /// <summary>When it arrived (emulator clock).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>
    /// Every parameter from the query and the form body, decoded, by name (ordinal). Secrets
    /// (<c>Signature</c>, <c>SecurityToken</c>, <c>BearerToken</c>, <c>AccessKeySecret</c>) have the
    /// value <see cref="Redacted"/>; <c>AccessKeyId</c> and <c>SignatureNonce</c> are kept.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The attempt number the client declared: 1 + its <c>x-acs-retry-attempts</c> header (1 without it).</summary>
    public int Attempt { get; }

    /// <summary>The <c>Action</c> parameter, or null.</summary>
    public string? Action => Get("Action");

    /// <summary>The <c>SignatureNonce</c> parameter, or null.</summary>
    public string? SignatureNonce => Get("SignatureNonce");

    /// <summary>The <c>AccessKeyId</c> parameter, or null.</summary>
    public string? AccessKeyId => Get("AccessKeyId");

    /// <summary>The <c>ActivationId</c> parameter, or null.</summary>
    public string? ActivationId => Get("ActivationId");

    /// <summary>The <c>RegionId</c> parameter, or null.</summary>
    public string? RegionId => Get("RegionId");

    /// <summary>How it ended; <see cref="RequestOutcome.Pending"/> while in progress.</summary>
    public RequestOutcome Outcome => Volatile.Read(ref _verdict).Outcome;

    /// <summary>The HTTP status answered; null while pending, or when dropped or abandoned.</summary>
    public int? StatusCode => Volatile.Read(ref _verdict).StatusCode;

    /// <summary>The error code answered (e.g. <c>SignatureNonceUsed</c>); null on success or without an error body.</summary>
    public string? ErrorCode => Volatile.Read(ref _verdict).ErrorCode;

    /// <summary>The scripted fault applied to this request, if any.</summary>
    public EcsFault? Fault => Volatile.Read(ref _verdict).Fault;

    internal void Complete(RequestOutcome outcome, int? statusCode, string? errorCode, EcsFault? fault) =>
        Volatile.Write(ref _verdict, new Verdict(outcome, statusCode, errorCode, fault));

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"#{Sequence} {Method} {Action ?? "(no action)"} attempt {Attempt}: {Outcome} {StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-"} {ErrorCode ?? string.Empty}").TrimEnd();

    private string? Get(string name) => Parameters.TryGetValue(name, out string? value) ? value : null;

    private sealed record Verdict(RequestOutcome Outcome, int? StatusCode, string? ErrorCode, EcsFault? Fault);
}
