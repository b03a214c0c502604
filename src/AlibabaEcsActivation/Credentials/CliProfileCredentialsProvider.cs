using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Credentials from a profile of the aliyun CLI's <c>~/.aliyun/config.json</c> (what
/// <c>aliyun configure</c> writes). The profile is the constructor's, else <c>ALIBABA_CLOUD_PROFILE</c>,
/// else the file's <c>current</c>. Modes <c>AK</c>, <c>StsToken</c>, <c>RamRoleArn</c>,
/// <c>EcsRamRole</c> and <c>OIDC</c> are supported. <c>ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true</c>
/// turns the provider off. The file is read on first use.
/// </summary>
public sealed class CliProfileCredentialsProvider : ICredentialsProvider
{
    /// <summary>The variable naming the profile (shared with the credentials file).</summary>
    public const string ProfileVariable = "ALIBABA_CLOUD_PROFILE";

    /// <summary>The variable that turns this provider off when <c>true</c>.</summary>
    public const string DisabledVariable = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";

    /// <summary>How the file is named in messages.</summary>
    internal const string DisplayPath = "~/.aliyun/config.json";

    private readonly CredentialsContext _context;
    private readonly string? _profileName;
    private readonly ProfileSource _profileSource;

    /// <summary>Creates the provider.</summary>
    /// <param name="profileName">The profile; null reads <c>ALIBABA_CLOUD_PROFILE</c>, else the file's <c>current</c>.</param>
    public CliProfileCredentialsProvider(string? profileName = null)
        : this(CredentialsContext.Default, profileName)
    {
    }

    internal CliProfileCredentialsProvider(CredentialsContext context, string? profileName = null)
    {
        _context = context;
        _profileName = string.IsNullOrWhiteSpace(profileName) ? context.Variable(ProfileVariable) : profileName;
        _profileSource = new ProfileSource(Build, "cli_profile");
    }

    /// <summary>The config file's full path, or null when the home directory is unknown.</summary>
    public string? FilePath => _context.HomeDirectory is null ? null : Path.Combine(_context.HomeDirectory, ".aliyun", "config.json");

    /// <inheritdoc />
    /// <exception cref="EcsCredentialsException">The provider is disabled, the file or profile is missing or malformed, or the profile's source fails.</exception>
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (_context.IsTrue(DisabledVariable))
        {
            throw new EcsCredentialsException($"aliyun CLI config {DisplayPath}: disabled by {DisabledVariable}=true.");
        }

        return _profileSource.GetCredentialsAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"CliProfileCredentialsProvider {{ Profile = {_profileName ?? "(current)"}, Path = {FilePath ?? DisplayPath}, Inner = {_profileSource.Provider?.ToString() ?? "(not read yet)"} }}";

    private ICredentialsProvider Build()
    {
        string path = FilePath ?? throw new EcsCredentialsException($"aliyun CLI config {DisplayPath}: the home directory is unknown.");
        string where = $"aliyun CLI config {DisplayPath} ({path})";
        return FindProfile(ProfileSource.ReadFile(path, where), where).CreateProvider(FromProfile);
    }

    private ProfileSection FindProfile(string text, string where)
    {
        using (JsonDocument document = SessionCredentialsParser.ParseJson(text, $"{where}: not valid JSON."))
        {
            JsonElement root = document.RootElement;
            string? name = _profileName ?? SessionCredentialsParser.ReadString(root, "current");
            if (string.IsNullOrEmpty(name))
            {
                throw new EcsCredentialsException($"{where}: no profile named (set {ProfileVariable} or 'current').");
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("profiles", out JsonElement profiles) && profiles.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement profile in profiles.EnumerateArray())
                {
                    if (string.Equals(SessionCredentialsParser.ReadString(profile, "name"), name, StringComparison.Ordinal))
                    {
                        return new ProfileSection($"profile '{name}' in {where}", ToStrings(profile));
                    }
                }
            }

            throw new EcsCredentialsException($"{where}: no profile named '{name}'.");
        }
    }

    private ICredentialsProvider FromProfile(ProfileSection profile)
    {
        string mode = profile.Require("mode");
        switch (mode)
        {
            case "AK":
                return new StaticCredentialsProvider(profile.Require("access_key_id"), profile.Require("access_key_secret"));
            case "StsToken":
                return new StaticCredentialsProvider(profile.Require("access_key_id"), profile.Require("access_key_secret"), profile.Require("sts_token"));
            case "RamRoleArn":
                var source = new StaticCredentialsProvider(profile.Require("access_key_id"), profile.Require("access_key_secret"));
                return new RamRoleArnCredentialsProvider(_context, source, new RamRoleArnCredentialsProviderOptions
                {
                    RoleArn = profile.Require("ram_role_arn"),
                    RoleSessionName = profile.Optional("ram_session_name"),
                    DurationSeconds = profile.OptionalInt("expired_seconds", 3600),
                    StsRegionId = profile.Optional("sts_region"),
                    StsEndpoint = profile.Optional("sts_endpoint"),
                    EnableVpc = profile.OptionalBool("enable_vpc"),
                });
            case "EcsRamRole":
                return new EcsRamRoleCredentialsProvider(_context, profile.Require("ram_role_name"));
            case "OIDC":
                return new OidcRoleArnCredentialsProvider(_context, new OidcRoleArnCredentialsProviderOptions
                {
                    RoleArn = profile.Require("ram_role_arn"),
                    OidcProviderArn = profile.Require("oidc_provider_arn"),
                    OidcTokenFilePath = profile.Require("oidc_token_file"),
                    RoleSessionName = profile.Optional("ram_session_name"),
                    DurationSeconds = profile.OptionalInt("duration_seconds", 3600),
                    StsRegionId = profile.Optional("sts_region"),
                    EnableVpc = profile.OptionalBool("enable_vpc"),
                });
            default:
                throw new EcsCredentialsException($"{profile.Description}: mode '{mode}' is not supported (supported: AK, StsToken, RamRoleArn, EcsRamRole, OIDC).");
        }
    }

    private static Dictionary<string, string> ToStrings(JsonElement profile)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty property in profile.EnumerateObject())
        {
            if (SessionCredentialsParser.ReadString(profile, property.Name) is string value)
            {
                values[property.Name] = value;
            }
        }

        return values;
    }
}
