using System;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Reads <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>, <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c> and the optional
/// <c>ALIBABA_CLOUD_SECURITY_TOKEN</c>, the variables every Alibaba Cloud SDK reads. Empty values
/// count as unset. Read on every call, so a rotated key is picked up without a restart.
/// </summary>
public sealed class EnvironmentCredentialsProvider : ICredentialsProvider
{
    /// <summary>The variable holding the AccessKey ID.</summary>
    public const string AccessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID";

    /// <summary>The variable holding the AccessKey secret.</summary>
    public const string AccessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    /// <summary>The variable holding the optional STS security token.</summary>
    public const string SecurityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private readonly Func<string, string?> _getVariable;

    /// <summary>Creates a provider over the process environment.</summary>
    public EnvironmentCredentialsProvider()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    internal EnvironmentCredentialsProvider(Func<string, string?> getVariable)
    {
        _getVariable = getVariable;
    }

    /// <inheritdoc />
    /// <exception cref="EcsCredentialsException">A required variable is missing or empty.</exception>
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        string? id = _getVariable(AccessKeyIdVariable);
        string? secret = _getVariable(AccessKeySecretVariable);
        if (string.IsNullOrEmpty(id))
        {
            throw new EcsCredentialsException($"Environment variable {AccessKeyIdVariable} is not set.");
        }

        if (string.IsNullOrEmpty(secret))
        {
            throw new EcsCredentialsException($"Environment variable {AccessKeyIdVariable} is set but {AccessKeySecretVariable} is not.");
        }

        return new ValueTask<AlibabaCloudCredentials>(new AlibabaCloudCredentials(id!, secret!, _getVariable(SecurityTokenVariable), providerName: "env"));
    }

    /// <inheritdoc />
    public override string ToString() => "EnvironmentCredentialsProvider";
}
