using System;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// What both STS role providers (<see cref="RamRoleArnCredentialsProvider"/> and
/// <see cref="OidcRoleArnCredentialsProvider"/>) need: the role, the session and where STS is.
/// Unset values fall back to the variables the official SDKs read.
/// </summary>
public abstract class StsRoleOptions
{
    /// <summary>The role to assume, e.g. <c>acs:ram::123456789012****:role/ecs-admin</c>. Null reads <c>ALIBABA_CLOUD_ROLE_ARN</c>.</summary>
    public string? RoleArn { get; set; }

    /// <summary>Names the session in audit logs. Null reads <c>ALIBABA_CLOUD_ROLE_SESSION_NAME</c>, else <c>alibaba-ecs-activation-&lt;epoch ms&gt;</c>.</summary>
    public string? RoleSessionName { get; set; }

    /// <summary>How long the temporary credentials last, in seconds: at least 900. Default 3600.</summary>
    public int DurationSeconds { get; set; } = 3600;

    /// <summary>An optional policy (JSON) that narrows the role's permissions for this session.</summary>
    public string? Policy { get; set; }

    /// <summary>
    /// STS's host (<c>sts.cn-hangzhou.aliyuncs.com</c>) or URL (<c>https://…</c>; plain HTTP only to a
    /// loopback address, for tests). Null derives it from <see cref="StsRegionId"/>, else <c>sts.aliyuncs.com</c>.
    /// </summary>
    public string? StsEndpoint { get; set; }

    /// <summary>Selects <c>sts.&lt;region&gt;.aliyuncs.com</c>. Null reads <c>ALIBABA_CLOUD_STS_REGION</c>.</summary>
    public string? StsRegionId { get; set; }

    /// <summary>Selects the VPC endpoint <c>sts-vpc.&lt;region&gt;.aliyuncs.com</c>. Null reads <c>ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED</c>.</summary>
    public bool? EnableVpc { get; set; }

    /// <summary>The limit on one STS request. Null is 10 seconds.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{GetType().Name} {{ RoleArn = {RoleArn ?? "(from environment)"}, RoleSessionName = {RoleSessionName ?? "(default)"}, DurationSeconds = {DurationSeconds}, StsEndpoint = {StsEndpoint ?? StsRegionId ?? "(default)"} }}";
}
