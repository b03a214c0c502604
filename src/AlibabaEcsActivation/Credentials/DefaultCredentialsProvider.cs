using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// The default credentials chain of Alibaba Cloud's SDKs, in their order:
/// <list type="number">
/// <item>environment variables <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c> / <c>_SECRET</c> [/ <c>ALIBABA_CLOUD_SECURITY_TOKEN</c>];</item>
/// <item>OIDC role (<c>ALIBABA_CLOUD_ROLE_ARN</c>, <c>ALIBABA_CLOUD_OIDC_PROVIDER_ARN</c>, <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c>);</item>
/// <item>the aliyun CLI's <c>~/.aliyun/config.json</c>;</item>
/// <item>the credentials file <c>~/.alibabacloud/credentials</c> (or <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c>);</item>
/// <item>the ECS instance's RAM role, from the metadata service;</item>
/// <item><c>ALIBABA_CLOUD_CREDENTIALS_URI</c>.</item>
/// </list>
/// The first source that yields credentials is remembered and used alone from then on (its own
/// failures are reported, not hidden by switching sources). When none does, the
/// <see cref="EcsCredentialsException"/> lists every source and why it gave nothing.
/// <para>STS (OIDC and RAM roles) and credentials-URI requests go through the client you give, so that your
/// proxy and handlers apply to them; the metadata service is always called directly, never through a proxy.</para>
/// </summary>
public sealed class DefaultCredentialsProvider : ICredentialsProvider
{
    private readonly ICredentialsProvider[] _chain;
    private readonly Func<bool>[] _isConfigured;
    private readonly ILogger _logger;
    private ICredentialsProvider? _remembered;

    /// <summary>Creates the chain over the process environment and the user's home directory.</summary>
    /// <param name="httpClient">The client for STS and credentials URIs (a proxy or handler on it applies); null uses a
    /// shared one with the system proxy settings. Never used for the metadata service, which is called directly.</param>
    public DefaultCredentialsProvider(HttpClient? httpClient = null)
        : this(CredentialsContext.Default.WithNetworkClient(httpClient))
    {
    }

    /// <summary>The environment, home directory, clock and HTTP clients the sources read (for tests).</summary>
    internal CredentialsContext Context { get; }

    /// <param name="context">The environment, home directory, clock and HTTP clients the sources read.</param>
    /// <param name="logger">Where the chain says, once, which source it chose; null logs nothing.</param>
    internal DefaultCredentialsProvider(CredentialsContext context, ILogger? logger = null)
    {
        Context = context;
        _logger = logger ?? NullLogger.Instance;
        // Each provider's error names its source, so the chain's error needs no labels of its own.
        var cliProfile = new CliProfileCredentialsProvider(context);
        var profile = new ProfileCredentialsProvider(context);
        _chain = new ICredentialsProvider[]
        {
            new EnvironmentCredentialsProvider(context.GetEnvironmentVariable),
            CreateOidc(context),
            cliProfile,
            profile,
            new EcsRamRoleCredentialsProvider(context),
            new CredentialsUriProvider(context),
        };

        // Whether each source's settings are there, read as that source reads them: from the same context,
        // home directory and paths, and at the same time (the OIDC role, the ECS role and the URI are read
        // once, here; the environment keys, the CLI switch and the files at every call).
        bool oidcSet = context.Variable(StsClient.RoleArnVariable) is not null
            && context.Variable(OidcRoleArnCredentialsProvider.OidcProviderArnVariable) is not null
            && context.Variable(OidcRoleArnCredentialsProvider.OidcTokenFileVariable) is not null;
        // Only a role named in the environment: whether the instance has one is known to the metadata service alone.
        bool ecsRoleNamed = !context.IsTrue(EcsRamRoleCredentialsProvider.DisabledVariable)
            && context.Variable(EcsRamRoleCredentialsProvider.RoleNameVariable) is not null;
        bool uriSet = context.Variable(CredentialsUriProvider.UriVariable) is not null;
        _isConfigured = new Func<bool>[]
        {
            () => context.Variable(EnvironmentCredentialsProvider.AccessKeyIdVariable) is not null
                && context.Variable(EnvironmentCredentialsProvider.AccessKeySecretVariable) is not null,
            () => oidcSet,
            () => !context.IsTrue(CliProfileCredentialsProvider.DisabledVariable) && File.Exists(cliProfile.FilePath),
            () => File.Exists(profile.FilePath),
            () => ecsRoleNamed,
            () => uriSet,
        };
    }

    /// <summary>The sources, in the order they are tried.</summary>
    public IReadOnlyList<ICredentialsProvider> Providers => Array.AsReadOnly(_chain);

    /// <summary>The source that yielded credentials, once one has.</summary>
    public ICredentialsProvider? SelectedProvider => Volatile.Read(ref _remembered);

    /// <summary>
    /// The source the chain will use: the one that has already yielded credentials, else the first whose
    /// settings are present; null when no source is configured. Answered offline, from the
    /// same environment variables, home directory and paths the chain reads, checking only whether
    /// files exist: nothing is sent, no file is read, so a source that is present but wrong (a
    /// malformed file, a rejected key) still counts, and its own error comes from
    /// <see cref="GetCredentialsAsync"/>.
    /// </summary>
    /// <remarks>
    /// A source counts when: the environment has both <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c> and
    /// <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c>; the OIDC role has all three of its variables; the aliyun
    /// CLI's config file exists and the CLI source is not disabled; the credentials file exists (at
    /// <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c>, else under the home directory); <c>ALIBABA_CLOUD_CREDENTIALS_URI</c>
    /// is set. The home directory is the chain's: <c>HOME</c>, else the user's profile folder. Each
    /// setting is read when its source reads it: the OIDC, ECS role and URI settings as they were when
    /// this chain was made, the rest as they are now.
    /// The ECS instance's RAM role cannot be known without asking the metadata service, so it counts
    /// only when <c>ALIBABA_CLOUD_ECS_METADATA</c> names the role (and
    /// <c>ALIBABA_CLOUD_ECS_METADATA_DISABLED</c> is not <c>true</c>): on an ECS instance whose role is
    /// discovered, this returns null while <see cref="GetCredentialsAsync"/> would succeed.
    /// </remarks>
    /// <returns>One of <see cref="Providers"/>, or null.</returns>
    public ICredentialsProvider? FindConfiguredProvider()
    {
        if (SelectedProvider is ICredentialsProvider remembered)
        {
            return remembered;
        }

        for (int i = 0; i < _chain.Length; i++)
        {
            if (_isConfigured[i]())
            {
                return _chain[i];
            }
        }

        return null;
    }

    /// <inheritdoc />
    /// <exception cref="EcsCredentialsException">No source yields credentials (the message lists each), or the remembered source fails.</exception>
    public async ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (SelectedProvider is ICredentialsProvider remembered)
        {
            return (await remembered.GetCredentialsAsync(cancellationToken).ConfigureAwait(false)).WithProviderPrefix("default");
        }

        var failures = new List<EcsCredentialsException>(_chain.Length);
        foreach (ICredentialsProvider provider in _chain)
        {
            try
            {
                AlibabaCloudCredentials credentials = await provider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                if (Interlocked.CompareExchange(ref _remembered, provider, null) is null)
                {
                    // Only the caller that made the choice says so: once per chain, the source's type name and nothing else.
                    CredentialsLog.SourceChosen(_logger, provider.GetType().Name);
                }

                return credentials.WithProviderPrefix("default");
            }
            catch (EcsCredentialsException e)
            {
                failures.Add(e);
            }
        }

        throw new EcsCredentialsException(Describe(failures), new AggregateException(failures));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"DefaultCredentialsProvider {{ Selected = {SelectedProvider?.GetType().Name ?? "(none yet)"} }}";

    private static ICredentialsProvider CreateOidc(CredentialsContext context)
    {
        try
        {
            return new OidcRoleArnCredentialsProvider(context, options: null);
        }
        catch (ArgumentException e)
        {
            // A setting from the environment is invalid (an STS endpoint, say): report it in the chain's error.
            return new FailingProvider($"OIDC role: {e.Message}");
        }
    }

    private static string Describe(List<EcsCredentialsException> failures)
    {
        var message = new StringBuilder("No Alibaba Cloud credentials found. Sources tried, in order:");
        for (int i = 0; i < failures.Count; i++)
        {
            message.Append('\n').Append("  ").Append(i + 1).Append(". ").Append(failures[i].Message);
        }

        message.Append("\nSet ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run 'aliyun configure', or give credentials in EcsActivationClientOptions.");
        return message.ToString();
    }

    /// <summary>A source whose settings are invalid: it reports why on every call.</summary>
    private sealed class FailingProvider : ICredentialsProvider
    {
        private readonly string _reason;

        public FailingProvider(string reason) => _reason = reason;

        public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) =>
            throw new EcsCredentialsException(_reason);

        public override string ToString() => "FailingProvider";
    }
}
