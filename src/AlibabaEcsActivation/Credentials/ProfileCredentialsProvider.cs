using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Credentials from a profile of the INI credentials file <c>~/.alibabacloud/credentials</c> (path
/// overridable by <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c>). The profile is the constructor's, else
/// <c>ALIBABA_CLOUD_PROFILE</c>, else <c>default</c>. Profile <c>type</c>s: <c>access_key</c>
/// (<c>access_key_id</c>, <c>access_key_secret</c>), <c>ecs_ram_role</c> (<c>role_name</c>) and
/// <c>ram_role_arn</c> (<c>access_key_id</c>, <c>access_key_secret</c>, <c>role_arn</c>,
/// <c>role_session_name</c>, <c>policy</c>). The file is read on first use.
/// </summary>
public sealed class ProfileCredentialsProvider : ICredentialsProvider
{
    /// <summary>The variable holding the file's path.</summary>
    public const string FileVariable = "ALIBABA_CLOUD_CREDENTIALS_FILE";

    /// <summary>How the default file is named in messages.</summary>
    internal const string DisplayPath = "~/.alibabacloud/credentials";

    private readonly CredentialsContext _context;
    private readonly string _profileName;
    private readonly string? _path;
    private readonly ProfileSource _profileSource;

    /// <summary>Creates the provider.</summary>
    /// <param name="profileName">The profile (INI section); null reads <c>ALIBABA_CLOUD_PROFILE</c>, else <c>default</c>.</param>
    /// <param name="path">The file; null reads <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c>, else <c>~/.alibabacloud/credentials</c>.</param>
    public ProfileCredentialsProvider(string? profileName = null, string? path = null)
        : this(CredentialsContext.Default, profileName, path)
    {
    }

    internal ProfileCredentialsProvider(CredentialsContext context, string? profileName = null, string? path = null)
    {
        _context = context;
        _profileName = string.IsNullOrWhiteSpace(profileName) ? context.Variable(CliProfileCredentialsProvider.ProfileVariable) ?? "default" : profileName!;
        _path = string.IsNullOrWhiteSpace(path)
            ? context.Variable(FileVariable) ?? (context.HomeDirectory is null ? null : Path.Combine(context.HomeDirectory, ".alibabacloud", "credentials"))
            : path;
        _profileSource = new ProfileSource(Build, "profile");
    }

    /// <summary>The file's path, or null when the home directory is unknown.</summary>
    public string? FilePath => _path;

    /// <inheritdoc />
    /// <exception cref="EcsCredentialsException">The file or profile is missing or malformed, or the profile's source fails.</exception>
    public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => _profileSource.GetCredentialsAsync(cancellationToken);

    /// <inheritdoc />
    public override string ToString() =>
        $"ProfileCredentialsProvider {{ Profile = {_profileName}, Path = {_path ?? DisplayPath}, Inner = {_profileSource.Provider?.ToString() ?? "(not read yet)"} }}";

    private ICredentialsProvider Build()
    {
        string path = _path ?? throw new EcsCredentialsException($"credentials file {DisplayPath}: the home directory is unknown (or set {FileVariable}).");
        string where = $"credentials file {path}";
        Dictionary<string, Dictionary<string, string>> sections;
        string text = ProfileSource.ReadFile(path, where);
        try
        {
            sections = IniFile.Parse(text);
        }
        catch (FormatException e)
        {
            throw new EcsCredentialsException($"{where}: {e.Message}.", e);
        }

        if (!sections.TryGetValue(_profileName, out Dictionary<string, string>? values))
        {
            throw new EcsCredentialsException($"{where}: no profile [{_profileName}].");
        }

        return new ProfileSection($"profile [{_profileName}] in {where}", values).CreateProvider(FromProfile);
    }

    private ICredentialsProvider FromProfile(ProfileSection profile)
    {
        switch (profile.Optional("type"))
        {
            case "access_key":
                return new StaticCredentialsProvider(profile.Require("access_key_id"), profile.Require("access_key_secret"));
            case "ecs_ram_role":
                return new EcsRamRoleCredentialsProvider(_context, profile.Require("role_name"));
            case "ram_role_arn":
                var source = new StaticCredentialsProvider(profile.Require("access_key_id"), profile.Require("access_key_secret"));
                return new RamRoleArnCredentialsProvider(_context, source, new RamRoleArnCredentialsProviderOptions
                {
                    RoleArn = profile.Require("role_arn"),
                    RoleSessionName = profile.Optional("role_session_name"),
                    Policy = profile.Optional("policy"),
                });
            default:
                // The official SDKs' wording, so users searching for it find both.
                throw new EcsCredentialsException($"{profile.Description}: Invalid type option, support: access_key, ecs_ram_role, ram_role_arn.");
        }
    }
}
