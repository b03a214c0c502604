using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Credentials;

namespace AlibabaEcsActivation.Cli.Connection;

/// <summary>
/// Finds the credentials before anything is sent: from <c>--profile</c> (an aliyun CLI profile, else a profile
/// of the credentials file), or else from the library's default chain, read over the host's environment and
/// home directory. When none yields credentials the library's own message says which sources were tried and why.
/// </summary>
internal static class CredentialsResolver
{
    /// <summary>The provider that yielded credentials, or null with <paramref name="failure"/> set to the sources tried.</summary>
    public static async Task<(ICredentialsProvider? Provider, string? Failure)> ResolveAsync(CliHost host, string? profile, CancellationToken cancellationToken)
    {
        var context = new CredentialsContext { GetEnvironmentVariable = host.GetEnvironmentVariable, HomeDirectory = host.HomeDirectory };
        if (profile is null)
        {
            var chain = new DefaultCredentialsProvider(context);
            try
            {
                await chain.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                return (chain, null);
            }
            catch (EcsCredentialsException e)
            {
                return (null, e.Message);
            }
        }

        // The profile is looked for where the aliyun CLI keeps it, then in the SDKs' credentials file.
        var failures = new List<string>(2);
        foreach (ICredentialsProvider candidate in new ICredentialsProvider[] { new CliProfileCredentialsProvider(context, profile), new ProfileCredentialsProvider(context, profile) })
        {
            try
            {
                await candidate.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                return (candidate, null);
            }
            catch (EcsCredentialsException e)
            {
                failures.Add(e.Message);
            }
        }

        var message = new StringBuilder($"No Alibaba Cloud credentials for profile '{profile}'. Sources tried, in order:");
        for (int i = 0; i < failures.Count; i++)
        {
            message.Append("\n  ").Append(i + 1).Append(". ").Append(failures[i]);
        }

        return (null, message.ToString());
    }
}
