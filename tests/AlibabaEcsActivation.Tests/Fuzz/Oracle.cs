using System;
using System.Collections.Generic;
using System.Linq;

namespace AlibabaEcsActivation.Tests.Fuzz;

/// <summary>The checks of one case; each broken rule becomes a <see cref="Violation"/> of the case's result.</summary>
internal sealed class Oracle(CaseResult result)
{
    public int Seed => result.Seed;

    public FuzzWorld World => result.World;

    public void Succeeded() => result.Outcome = "success";

    /// <summary>The call ended with <paramref name="e"/>: is that an exception the rule allows, and is its text clean?</summary>
    public void Threw(Exception e)
    {
        result.Outcome = e.GetType().Name;
        if (e is EcsException)
        {
            // allowed
        }
        else if (e is OperationCanceledException oce)
        {
            if (!World.Caller.IsCancellationRequested)
            {
                Add("foreign cancellation", "OperationCanceledException although the caller's token was not cancelled", e);
            }
            else if (oce.CancellationToken != World.Caller.Token)
            {
                Add("foreign cancellation", "OperationCanceledException names another token than the caller's", e);
            }
        }
        else if (e is ArgumentException)
        {
            Add(
                "ArgumentException for valid input",
                World.Requests == 0 ? "ArgumentException before any I/O for a valid request" : "ArgumentException after I/O (the caller's input was valid)",
                e);
        }
        else
        {
            Add("non-EcsException escaped", "an exception outside EcsException/ArgumentException/OperationCanceledException", e);
        }

        Clean(e, "the exception");
    }

    /// <summary>Replay mode: scan the real <c>ToString()</c> of every exception, not the equivalent shortcut.</summary>
    public static bool AlwaysFullText { get; set; }

    /// <summary>No planted secret or signature in the exception's full text, <c>ex.ToString()</c> (inner exceptions included).</summary>
    public void Clean(Exception e, string whose)
    {
        bool full = AlwaysFullText || ExceptionText.Overridden(e);
        string text = full ? e.ToString() : ExceptionText.Of(e);
        List<string> found = SecretScan.Find(text, World.Signatures);
        if (!full && ExceptionText.Sample())
        {
            // Keep the shortcut honest: now and then compare it with the real ToString().
            List<string> real = SecretScan.Find(e.ToString(), World.Signatures);
            if (!real.SequenceEqual(found))
            {
                Add("fuzz harness", "the secret scan's ToString() shortcut disagrees with ToString()", e, detail: "harness bug: see ExceptionText");
            }
        }

        foreach (string secret in found)
        {
            // The message is not shown: it holds the secret (and maybe a body that carried it).
            Add("secret in exception text", $"{secret} in an exception's ToString()", e, detail: $"{whose}: {e.GetType().Name}.ToString() contains {secret}; text withheld");
        }
    }

    /// <summary>A success must come from a 2xx answer delivered to its end.</summary>
    public void Truthful(string action, string activationId = "")
    {
        if (!World.Served2xx(action, activationId))
        {
            Add("success without a 2xx", $"{action} returned a result though no attempt got a complete 2xx answer");
        }
    }

    /// <summary>A delete reported as done by an earlier attempt must rest on a NotFound the service did send.</summary>
    public void DeletedByEarlierAttempt(string action, string activationId, Activation? activation)
    {
        if (!World.ServedNotFound(action, activationId))
        {
            Add("success without a 2xx", $"{action} reported DeletedByEarlierAttempt though no attempt was answered ActivationId.NotFound");
        }

        if (activation is not null)
        {
            Add("null in result", $"{action} reported DeletedByEarlierAttempt with an Activation it cannot have read");
        }
    }

    public void NotNull(object? value, string what)
    {
        if (value is null)
        {
            Add("null in result", what + " is null");
        }
    }

    public void Activations(IReadOnlyList<Activation?>? list, string what)
    {
        if (list is null)
        {
            Add("null in result", what + " is null");
            return;
        }

        if (list.Any(a => a is null))
        {
            Add("null in result", what + " contains null");
        }

        foreach (Activation? activation in list.Where(a => a is not null))
        {
            Activation(activation, "an Activation of " + what);
        }
    }

    public void Activation(Activation? activation, string what)
    {
        if (activation is null)
        {
            Add("null in result", what + " is null");
            return;
        }

        IReadOnlyList<Tag?>? tags = activation.Tags;
        if (tags is null)
        {
            Add("null in result", "Activation.Tags is null");
        }
        else if (tags.Any(t => t is null))
        {
            Add("null in result", "Activation.Tags contains null");
        }
        else if (tags.Any(t => t!.Key is null))
        {
            Add("null in result", "Tag.Key is null");
        }
    }

    /// <summary>The bulk result's outcomes, checked for nulls, statuses and clean exceptions; null when there are none to check.</summary>
    public IReadOnlyList<ActivationDisableOutcome?>? Outcomes(BulkDisableResult? bulk)
    {
        if (bulk is null)
        {
            Add("null in result", "BulkDisableResult is null");
            return null;
        }

        IReadOnlyList<ActivationDisableOutcome?>? outcomes = bulk.Outcomes;
        if (outcomes is null)
        {
            Add("null in result", "BulkDisableResult.Outcomes is null");
            return null;
        }

        if (outcomes.Any(x => x is null))
        {
            Add("null in result", "BulkDisableResult.Outcomes contains null");
        }

        foreach (ActivationDisableOutcome outcome in outcomes.OfType<ActivationDisableOutcome>())
        {
            if (outcome.ActivationId is null)
            {
                Add("null in result", "ActivationDisableOutcome.ActivationId is null");
            }

            switch (outcome.Status)
            {
                case ActivationDisableStatus.Disabled:
                    if (outcome.ActivationId is not null && World.DisableRequests.ContainsKey(outcome.ActivationId) && !World.Served2xx("DisableActivation", outcome.ActivationId))
                    {
                        Add("success without a 2xx", "a bulk outcome says Disabled though no DisableActivation attempt for it got a complete 2xx answer");
                    }

                    if (outcome.ActivationId is not null && !World.DisableRequests.ContainsKey(outcome.ActivationId))
                    {
                        Add("success without a 2xx", "a bulk outcome says Disabled for a code DisableActivation was never called for");
                    }

                    if (outcome.Activation is not null)
                    {
                        Activation(outcome.Activation, "ActivationDisableOutcome.Activation");
                    }

                    break;
                case ActivationDisableStatus.AlreadyDisabled:
                    if (outcome.Activation is not null)
                    {
                        Activation(outcome.Activation, "ActivationDisableOutcome.Activation");
                    }

                    break;
                case ActivationDisableStatus.NotFound:
                case ActivationDisableStatus.Failed:
                    if (outcome.Exception is null)
                    {
                        Add("null in result", $"a {outcome.Status} outcome without its Exception");
                    }

                    break;
                default:
                    Add("bulk outcome status", $"an outcome with undefined status {(int)outcome.Status}");
                    break;
            }

            if (outcome.Exception is { } e)
            {
                Clean(e, "a bulk outcome's Exception");
            }
        }

        return outcomes;
    }

    public void Add(string kind, string what, Exception? e = null, string? detail = null)
    {
        string type = "-", throwSite = "-";
        ExceptionSite site = ExceptionSite.None;
        if (e is not null)
        {
            type = e.GetType().FullName ?? e.GetType().Name;
            (throwSite, site) = ThrowSites.Of(e);
            detail ??= SecretScan.Redact(e.Message, World.Signatures);
        }

        result.Violations.Add(new Violation(kind, what, result.Method.ToString(), result.Seed, type, throwSite, site, detail ?? string.Empty, World.Trace.ToList(), World.Categories.Where(c => c != "valid").ToHashSet()));
    }
}

/// <summary>
/// What of <c>Exception.ToString()</c> can carry text from a response: the type names and messages of the
/// exception and of every inner exception. The rest is stack frames (method names and source paths), whose
/// file and line lookup costs more than everything else the fuzz does per exception. Types that override
/// ToString get the real one.
/// </summary>
internal static class ExceptionText
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> Overrides = new();
    private static int _sampled;

    public static bool Overridden(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is AggregateException || Overrides.GetOrAdd(x.GetType(), static t => t.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType != typeof(Exception)))
            {
                return true;
            }
        }

        return false;
    }

    public static string Of(Exception e)
    {
        var sb = new System.Text.StringBuilder();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            sb.Append(x.GetType().FullName).Append(": ").Append(x.Message).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>True for every 32nd exception.</summary>
    public static bool Sample() => (System.Threading.Interlocked.Increment(ref _sampled) & 31) == 0;
}
