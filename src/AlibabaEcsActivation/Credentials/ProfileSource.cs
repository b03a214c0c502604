using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// The credentials source a profile describes (an AccessKey, a role to assume, the ECS role), built on
/// first use from the profile file and then kept, so the file is read once and the temporary
/// credentials behind it stay cached. A failed build is not kept: the next call reads the file again.
/// </summary>
internal sealed class ProfileSource
{
    private readonly Func<ICredentialsProvider> _build;
    private readonly string _prefix;
    private ICredentialsProvider? _provider;

    /// <param name="build">Reads the file and builds the profile's provider; throws <see cref="EcsCredentialsException"/>.</param>
    /// <param name="prefix">Goes before the inner provider's name on the credentials, e.g. <c>cli_profile</c>.</param>
    public ProfileSource(Func<ICredentialsProvider> build, string prefix)
    {
        _build = build;
        _prefix = prefix;
    }

    /// <summary>Reads a profile file; a missing or unreadable file becomes an error naming <paramref name="where"/>.</summary>
    /// <exception cref="EcsCredentialsException">The file is missing or cannot be read.</exception>
    public static string ReadFile(string path, string where)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new EcsCredentialsException($"{where}: file not found.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EcsCredentialsException($"{where}: cannot be read ({e.GetType().Name}).", e);
        }
    }

    public ICredentialsProvider? Provider => Volatile.Read(ref _provider);

    public async ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        ICredentialsProvider provider = Provider ?? Interlocked.CompareExchange(ref _provider, _build(), null) ?? _provider!;
        AlibabaCloudCredentials credentials = await provider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return credentials.WithProviderPrefix(_prefix);
    }
}
