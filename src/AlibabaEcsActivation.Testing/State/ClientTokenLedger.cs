using System;
using System.Collections.Generic;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// CreateActivation's idempotency: one entry per (account, region, ClientToken). The emulator has no
/// account model, so the AccessKeyId stands for the account. A repeated token gets the first call's
/// answer (ID and code string) again, even if that code was deleted since, and nothing is created.
/// </summary>
internal sealed class ClientTokenLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Account, string RegionId, string ClientToken), CreatedActivation> _entries = new();

    /// <summary>The answer recorded for the token, or the one <paramref name="create"/> makes now (called at most once per token).</summary>
    public CreatedActivation GetOrCreate(string account, string regionId, string clientToken, Func<CreatedActivation> create)
    {
        // A lock, not GetOrAdd: two concurrent first calls must not both create a code.
        lock (_gate)
        {
            var key = (account, regionId, clientToken);
            if (!_entries.TryGetValue(key, out CreatedActivation? created))
            {
                created = create();
                _entries.Add(key, created);
            }

            return created;
        }
    }
}
