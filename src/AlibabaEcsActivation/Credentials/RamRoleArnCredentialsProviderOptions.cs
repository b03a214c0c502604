namespace AlibabaEcsActivation.Credentials;

/// <summary>Settings of <see cref="RamRoleArnCredentialsProvider"/>: STS <c>AssumeRole</c>.</summary>
public sealed class RamRoleArnCredentialsProviderOptions : StsRoleOptions
{
    /// <summary>The external ID the role's trust policy may require, to prevent the confused-deputy problem.</summary>
    public string? ExternalId { get; set; }
}
