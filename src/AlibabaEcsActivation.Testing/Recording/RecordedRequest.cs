using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// One request the emulator received: what was sent (secrets redacted) and the verdict, told twice
/// over: what the client got (<see cref="Outcome"/>, <see cref="StatusCode"/>, <see cref="ErrorCode"/>)
/// and what the action itself did (<see cref="ActionStatusCode"/>, <see cref="ActionErrorCode"/>,
/// <see cref="ActedAt"/>). The two agree unless an <c>Act…</c> fault came between them: after
/// <see cref="EcsFault.ActThenReset"/> the client got nothing (<see cref="RequestOutcome.Dropped"/>) although
/// the action answered 200. Recorded on arrival, so a request still in a delay is visible with
/// <see cref="RequestOutcome.Pending"/>.
/// </summary>
public sealed class RecordedRequest
{
    /// <summary>What replaces the value of a secret parameter (<c>Signature</c>, <c>SecurityToken</c>, ...).</summary>
    public const string Redacted = "<redacted>";

    private Verdict _verdict = new(RequestOutcome.Pending, null, null, null, null, Settled: false);

    internal RecordedRequest(
        long sequence, DateTimeOffset receivedAt, string method, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> headers, int attempt, string? signatureAlgorithm)
    {
        Sequence = sequence;
        ReceivedAt = receivedAt;
        Method = method;
        Parameters = parameters;
        Headers = headers;
        Attempt = attempt;
        SignatureAlgorithm = signatureAlgorithm;
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

    /// <summary>
    /// The headers a signature can cover, by lower-case name: <c>host</c>, <c>content-type</c> and every
    /// <c>x-acs-*</c> one, with <c>x-acs-security-token</c> <see cref="Redacted"/>; and <c>authorization</c>,
    /// its signature <see cref="Redacted"/>. Signature V3 requests carry their common values here.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The attempt number the client declared: 1 + its <c>x-acs-retry-attempts</c> header (1 without it).</summary>
    public int Attempt { get; }

    /// <summary>
    /// Which signature the request used: <c>HMAC-SHA1</c> (RPC v1, its <c>SignatureMethod</c>) or
    /// <c>ACS3-HMAC-SHA256</c> (V3, the algorithm its <c>Authorization</c> header names); null when it declared none.
    /// </summary>
    public string? SignatureAlgorithm { get; }

    /// <summary>The <c>Action</c> parameter (v1) or <c>x-acs-action</c> header (V3), or null.</summary>
    public string? Action => Get("Action") ?? Header("x-acs-action");

    /// <summary>The <c>SignatureNonce</c> parameter (v1) or <c>x-acs-signature-nonce</c> header (V3), or null.</summary>
    public string? SignatureNonce => Get("SignatureNonce") ?? Header("x-acs-signature-nonce");

    /// <summary>The <c>AccessKeyId</c> parameter (v1) or the <c>Credential</c> of the Authorization header (V3), or null.</summary>
    public string? AccessKeyId => Get("AccessKeyId") ?? (Header("authorization") is { } authorization ? Authentication.Acs3Authorization.Parse(authorization).Credential : null);

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

    /// <summary>
    /// The status of the action's own answer, whether or not the client received it: 200 when the action
    /// took effect (or, for DescribeActivations, read the state), else the service error's status (e.g. 404
    /// for <c>ActivationId.NotFound</c>). Null when the action did not run: the request was refused before
    /// it (authentication, an unknown action), a fault took its place (<see cref="EcsFault.DropConnection"/>,
    /// an error fault, a client that gave up during a <see cref="EcsFault.Delay"/>), or it has not run yet
    /// (an <see cref="EcsFault.ActLate"/> still waiting). Failures of the region check count as the action's.
    /// </summary>
    public int? ActionStatusCode => Volatile.Read(ref _verdict).Action?.StatusCode;

    /// <summary>The error code of the action's own answer (e.g. <c>ActivationId.InUse</c>); null when it succeeded or did not run.</summary>
    public string? ActionErrorCode => Volatile.Read(ref _verdict).Action?.ErrorCode;

    /// <summary>When the action ran (emulator clock); null when it did not run. Later than <see cref="ReceivedAt"/> after a delay.</summary>
    public DateTimeOffset? ActedAt => Volatile.Read(ref _verdict).Action?.At;

    /// <summary>True when the action ran and succeeded (<see cref="ActionStatusCode"/> is 2xx), whatever the client got.</summary>
    public bool ActionSucceeded => ActionStatusCode is >= 200 and < 300;

    /// <summary>
    /// True once the emulator is done with the request: the client's <see cref="Outcome"/> is known and
    /// the action has run or never will. False while pending, and after an <see cref="EcsFault.ActLate"/>
    /// whose client gave up (<see cref="RequestOutcome.Abandoned"/>) until its late action has run.
    /// </summary>
    public bool IsSettled => Volatile.Read(ref _verdict).Settled;

    internal Verdict Current => Volatile.Read(ref _verdict);

    internal void Set(Verdict verdict) => Volatile.Write(ref _verdict, verdict);

    /// <inheritdoc />
    public override string ToString()
    {
        Verdict v = Current;
        string signature = SignatureAlgorithm is null ? string.Empty : " " + SignatureAlgorithm;
        string text = string.Create(CultureInfo.InvariantCulture, $"#{Sequence} {Method} {Action ?? "(no action)"}{signature} attempt {Attempt}: {v.Outcome} {v.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-"} {v.ErrorCode ?? string.Empty}").TrimEnd();
        if (v.Fault is { } fault)
        {
            text += " [" + fault + "]";
        }

        // Said only where what the client got does not tell it.
        if (v.Action is { } action && (v.Outcome is not (RequestOutcome.Succeeded or RequestOutcome.Failed) || action.StatusCode != v.StatusCode))
        {
            text += string.Create(CultureInfo.InvariantCulture, $", action answered {action.StatusCode} {action.ErrorCode ?? string.Empty}").TrimEnd();
        }
        else if (v.Outcome == RequestOutcome.Abandoned && !v.Settled)
        {
            text += ", action still to run";
        }

        return text;
    }

    private string? Get(string name) => Parameters.TryGetValue(name, out string? value) ? value : null;

    private string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>One immutable state of the verdict, swapped whole so a reader never sees half of a change.</summary>
    internal sealed record Verdict(RequestOutcome Outcome, int? StatusCode, string? ErrorCode, EcsFault? Fault, ActionResult? Action, bool Settled);
}
