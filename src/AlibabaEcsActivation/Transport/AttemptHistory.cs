using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AlibabaEcsActivation.Transport;

/// <summary>
/// What each failed attempt of one call met, in order: for the final exception's message
/// ("3 attempts: 2x InternalError.Dispatch, 1x AttemptTimeout") and to know whether an earlier
/// attempt may have taken effect although its answer never arrived.
/// </summary>
internal sealed class AttemptHistory
{
    // Made on the first failure: most calls succeed on their first attempt and never need it.
    private List<(string Label, bool OutcomeUnknown)>? _failures;

    /// <summary>
    /// True when a failed attempt before the last one recorded may have reached the service and been
    /// carried out: the connection was lost after sending, the attempt timed out, or the answer could
    /// not be read.
    /// </summary>
    public bool EarlierOutcomeUnknown
    {
        get
        {
            if (_failures is null)
            {
                return false;
            }

            for (int i = 0; i < _failures.Count - 1; i++)
            {
                if (_failures[i].OutcomeUnknown)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Records one failed attempt.</summary>
    /// <param name="label">What it met: an error code, <c>AttemptTimeout</c>, <c>ConnectionFailed</c>, …</param>
    /// <param name="outcomeUnknown">Whether the service may have acted on it.</param>
    public void RecordFailure(string label, bool outcomeUnknown) => (_failures ??= new List<(string, bool)>(2)).Add((label, outcomeUnknown));

    /// <summary>"3 attempts: 2x InternalError.Dispatch, 1x AttemptTimeout", labels in first-seen order; empty when nothing failed.</summary>
    public string Summarize()
    {
        if (_failures is null)
        {
            return string.Empty;
        }

        int attempts = _failures.Count; // every attempt of a failed call is recorded here

        var counts = new List<KeyValuePair<string, int>>();
        foreach ((string label, _) in _failures)
        {
            int at = counts.FindIndex(c => string.Equals(c.Key, label, StringComparison.Ordinal));
            if (at < 0)
            {
                counts.Add(new KeyValuePair<string, int>(label, 1));
            }
            else
            {
                counts[at] = new KeyValuePair<string, int>(label, counts[at].Value + 1);
            }
        }

        var text = new StringBuilder();
        text.Append(attempts.ToString(CultureInfo.InvariantCulture)).Append(attempts == 1 ? " attempt: " : " attempts: ");
        for (int i = 0; i < counts.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(counts[i].Value.ToString(CultureInfo.InvariantCulture)).Append("x ").Append(counts[i].Key);
        }

        return text.ToString();
    }
}
