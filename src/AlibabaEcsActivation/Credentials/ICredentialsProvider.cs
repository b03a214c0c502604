using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// A source of Alibaba Cloud credentials. The client asks it once per attempt, so a provider of
/// temporary credentials should cache them and refresh ahead of expiry; it must be thread-safe.
/// </summary>
public interface ICredentialsProvider
{
    /// <summary>Returns credentials to sign the next request with.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>Credentials that are valid now.</returns>
    /// <exception cref="EcsCredentialsException">The source has no usable credentials.</exception>
    ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);
}
