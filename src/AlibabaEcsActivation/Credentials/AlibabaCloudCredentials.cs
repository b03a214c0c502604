using System;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// An AccessKey pair, optionally with an STS security token and its expiry. <see cref="ToString"/>
/// shows only a masked AccessKeyId: secrets and tokens never reach logs through this type.
/// </summary>
public sealed class AlibabaCloudCredentials
{
    /// <summary>Creates credentials.</summary>
    /// <param name="accessKeyId">The AccessKey ID (for STS, starts with <c>STS.</c>).</param>
    /// <param name="accessKeySecret">The AccessKey secret.</param>
    /// <param name="securityToken">The STS security token, for temporary credentials.</param>
    /// <param name="expiration">When temporary credentials expire; null for long-lived keys.</param>
    /// <param name="providerName">Which source produced them, e.g. <c>env</c> or <c>static_ak</c>.</param>
    /// <exception cref="ArgumentException">The ID or secret is empty.</exception>
    public AlibabaCloudCredentials(string accessKeyId, string accessKeySecret, string? securityToken = null, DateTimeOffset? expiration = null, string providerName = "static")
    {
        if (string.IsNullOrWhiteSpace(accessKeyId))
        {
            throw new ArgumentException("The AccessKeyId is empty.", nameof(accessKeyId));
        }

        if (string.IsNullOrEmpty(accessKeySecret))
        {
            throw new ArgumentException("The AccessKeySecret is empty.", nameof(accessKeySecret));
        }

        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SecurityToken = string.IsNullOrEmpty(securityToken) ? null : securityToken;
        Expiration = expiration;
        ProviderName = providerName;
    }

    /// <summary>The AccessKey ID.</summary>
    public string AccessKeyId { get; }

    /// <summary>The AccessKey secret. Never log it.</summary>
    public string AccessKeySecret { get; }

    /// <summary>The STS security token, or null for long-lived AccessKeys. Never log it.</summary>
    public string? SecurityToken { get; }

    /// <summary>When these credentials expire, or null if they do not.</summary>
    public DateTimeOffset? Expiration { get; }

    /// <summary>The source that produced them (<c>static_ak</c>, <c>static_sts</c>, <c>env</c>, …).</summary>
    public string ProviderName { get; }

    /// <summary>The AccessKeyId with all but its first and last few characters masked.</summary>
    public static string Mask(string accessKeyId) =>
        accessKeyId.Length <= 8 ? "****" : accessKeyId.Substring(0, 4) + "****" + accessKeyId.Substring(accessKeyId.Length - 4);

    /// <summary>The same credentials, credited to <c>prefix/</c> plus the current provider name (e.g. <c>default/env</c>).</summary>
    internal AlibabaCloudCredentials WithProviderPrefix(string prefix) =>
        new(AccessKeyId, AccessKeySecret, SecurityToken, Expiration, prefix + "/" + ProviderName);

    /// <inheritdoc />
    public override string ToString() =>
        $"AlibabaCloudCredentials {{ AccessKeyId = {Mask(AccessKeyId)}, Provider = {ProviderName}, Sts = {SecurityToken is not null}, Expiration = {Expiration?.ToString("o") ?? "none"} }}";
}
