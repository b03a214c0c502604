namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Settings of <see cref="OidcRoleArnCredentialsProvider"/>: STS <c>AssumeRoleWithOIDC</c>, as used by
/// RRSA in Container Service for Kubernetes. Unset values fall back to the environment.
/// </summary>
public sealed class OidcRoleArnCredentialsProviderOptions : StsRoleOptions
{
    /// <summary>The OIDC identity provider, e.g. <c>acs:ram::123456789012****:oidc-provider/ack-rrsa-c123</c>. Null reads <c>ALIBABA_CLOUD_OIDC_PROVIDER_ARN</c>.</summary>
    public string? OidcProviderArn { get; set; }

    /// <summary>The file holding the OIDC token, re-read at every refresh. Null reads <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c>.</summary>
    public string? OidcTokenFilePath { get; set; }
}
