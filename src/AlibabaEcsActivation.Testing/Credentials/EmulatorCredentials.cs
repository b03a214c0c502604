using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace AlibabaEcsActivation.Testing;

/// <summary>
/// The AccessKeys the emulator accepts. An unknown AccessKeyId gets <c>InvalidAccessKeyId.NotFound</c>;
/// a known one must sign with its secret. An STS key must also send its <c>SecurityToken</c>.
/// Thread-safe; changes apply to the next request.
/// </summary>
public sealed class EmulatorCredentials
{
    private readonly ConcurrentDictionary<string, EmulatorCredential> _byId = new(StringComparer.Ordinal);

    /// <summary>The AccessKey IDs accepted, ordered (ordinal). Secrets are never exposed.</summary>
    public IReadOnlyList<string> AccessKeyIds => _byId.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>Accepts a permanent AccessKey (replacing any key with the same ID).</summary>
    /// <param name="accessKeyId">e.g. <c>testid</c>.</param>
    /// <param name="accessKeySecret">e.g. <c>testsecret</c>.</param>
    public void AddAccessKey(string accessKeyId, string accessKeySecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(accessKeySecret);
        _byId[accessKeyId] = new EmulatorCredential(accessKeyId, accessKeySecret, null, null);
    }

    /// <summary>
    /// Accepts a temporary STS credential: requests must carry <paramref name="securityToken"/>
    /// (missing or different: <c>InvalidSecurityToken.Malformed</c> / <c>InvalidSecurityToken.MismatchWithAccessKey</c>),
    /// and after <paramref name="expiration"/> the token is rejected with <c>InvalidSecurityToken.Expired</c>.
    /// </summary>
    /// <param name="accessKeyId">The temporary AccessKey ID, e.g. <c>STS.testid</c>.</param>
    /// <param name="accessKeySecret">Its secret.</param>
    /// <param name="securityToken">The token the requests must carry.</param>
    /// <param name="expiration">When the token expires (emulator clock); null never.</param>
    public void AddStsToken(string accessKeyId, string accessKeySecret, string securityToken, DateTimeOffset? expiration = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(accessKeySecret);
        ArgumentException.ThrowIfNullOrEmpty(securityToken);
        _byId[accessKeyId] = new EmulatorCredential(accessKeyId, accessKeySecret, securityToken, expiration);
    }

    /// <summary>Stops accepting an AccessKey ID; true when it was known.</summary>
    /// <param name="accessKeyId">The ID to forget.</param>
    public bool Remove(string accessKeyId) => _byId.TryRemove(accessKeyId, out _);

    internal EmulatorCredential? Find(string accessKeyId) => _byId.TryGetValue(accessKeyId, out EmulatorCredential? credential) ? credential : null;
}
