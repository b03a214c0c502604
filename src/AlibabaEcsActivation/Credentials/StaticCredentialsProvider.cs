using System;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Credentials;

/// <summary>Fixed credentials: an AccessKey pair, optionally with an STS token. Never refreshes.</summary>
public sealed class StaticCredentialsProvider : ICredentialsProvider
{
    private readonly AlibabaCloudCredentials _credentials;

    /// <summary>Wraps existing credentials.</summary>
    /// <param name="credentials">The credentials to hand out.</param>
    public StaticCredentialsProvider(AlibabaCloudCredentials credentials)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
    }

    /// <summary>Creates a provider for an AccessKey pair and optional STS token.</summary>
    /// <param name="accessKeyId">The AccessKey ID.</param>
    /// <param name="accessKeySecret">The AccessKey secret.</param>
    /// <param name="securityToken">The STS token, for temporary credentials.</param>
    public StaticCredentialsProvider(string accessKeyId, string accessKeySecret, string? securityToken = null)
        : this(new AlibabaCloudCredentials(accessKeyId, accessKeySecret, securityToken, providerName: string.IsNullOrEmpty(securityToken) ? "static_ak" : "static_sts"))
    {
    }

    /// <inheritdoc />
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => new(_credentials);

    /// <inheritdoc />
    public override string ToString() => $"StaticCredentialsProvider {{ {_credentials} }}";
}
