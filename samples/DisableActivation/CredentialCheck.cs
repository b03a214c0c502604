using System;
using AlibabaEcsActivation.Credentials;

namespace DisableActivationSample;

/// <summary>Whether Alibaba Cloud credentials are available; without them the sample runs against the local emulator.</summary>
internal static class CredentialCheck
{
    /// <summary>True when both AccessKey variables are set and non-empty (empty counts as unset, as in every Alibaba Cloud SDK).</summary>
    public static bool HasCloudCredentials() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentCredentialsProvider.AccessKeyIdVariable))
        && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvironmentCredentialsProvider.AccessKeySecretVariable));
}
