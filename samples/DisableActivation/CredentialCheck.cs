using System;
using System.IO;

namespace DisableActivationSample;

/// <summary>
/// Whether the user has configured Alibaba Cloud credentials; without any, and with neither --region
/// nor --endpoint, the sample runs against the local emulator. Only sources that can be seen without
/// a network call count here (environment variables and files): probing the ECS metadata service
/// would stall every offline run. On an ECS instance with a RAM role, pass --region.
/// </summary>
internal static class CredentialCheck
{
    public static bool HasCloudCredentials() =>
        (IsSet("ALIBABA_CLOUD_ACCESS_KEY_ID") && IsSet("ALIBABA_CLOUD_ACCESS_KEY_SECRET"))
        || (IsSet("ALIBABA_CLOUD_ROLE_ARN") && IsSet("ALIBABA_CLOUD_OIDC_PROVIDER_ARN") && IsSet("ALIBABA_CLOUD_OIDC_TOKEN_FILE"))
        || IsSet("ALIBABA_CLOUD_CREDENTIALS_URI")
        || IsSet("ALIBABA_CLOUD_ECS_METADATA")
        || (!IsTrue("ALIBABA_CLOUD_CLI_PROFILE_DISABLED") && File.Exists(InHome(".aliyun", "config.json")))
        || File.Exists(Environment.GetEnvironmentVariable("ALIBABA_CLOUD_CREDENTIALS_FILE") is { Length: > 0 } path ? path : InHome(".alibabacloud", "credentials"));

    private static bool IsSet(string name) => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name));

    private static bool IsTrue(string name) => string.Equals(Environment.GetEnvironmentVariable(name), "true", StringComparison.OrdinalIgnoreCase);

    private static string InHome(string folder, string file) =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), folder, file);
}
