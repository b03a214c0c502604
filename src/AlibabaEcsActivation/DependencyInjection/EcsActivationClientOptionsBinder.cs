using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AlibabaEcsActivation.DependencyInjection;

/// <summary>
/// Binds <see cref="EcsActivationClientOptions"/> from a configuration section by hand, key by key:
/// no reflection (trim- and AOT-safe), and a message naming the key when a value does not parse.
/// </summary>
internal static class EcsActivationClientOptionsBinder
{
    public static void Bind(IConfiguration section, EcsActivationClientOptions options)
    {
        options.RegionId = section[nameof(options.RegionId)] ?? options.RegionId;
        options.Endpoint = section[nameof(options.Endpoint)] ?? options.Endpoint;
        options.AccessKeyId = section[nameof(options.AccessKeyId)] ?? options.AccessKeyId;
        options.AccessKeySecret = section[nameof(options.AccessKeySecret)] ?? options.AccessKeySecret;
        options.SecurityToken = section[nameof(options.SecurityToken)] ?? options.SecurityToken;
        options.UserAgentSuffix = section[nameof(options.UserAgentSuffix)] ?? options.UserAgentSuffix;
        options.SignatureAlgorithm = section[nameof(options.SignatureAlgorithm)]?.Trim() ?? options.SignatureAlgorithm; // checked by the validator
        options.AllowInsecureHttp = ReadBool(section, nameof(options.AllowInsecureHttp)) ?? options.AllowInsecureHttp;
        options.RetryThrottling = ReadBool(section, nameof(options.RetryThrottling)) ?? options.RetryThrottling;
        options.MaxRetries = ReadInt(section, nameof(options.MaxRetries)) ?? options.MaxRetries;
        options.Timeout = ReadTimeSpan(section, nameof(options.Timeout)) ?? options.Timeout;
        options.AttemptTimeout = ReadTimeSpan(section, nameof(options.AttemptTimeout)) ?? options.AttemptTimeout;
        options.RetryBaseDelay = ReadTimeSpan(section, nameof(options.RetryBaseDelay)) ?? options.RetryBaseDelay;
        options.RetryMaxDelay = ReadTimeSpan(section, nameof(options.RetryMaxDelay)) ?? options.RetryMaxDelay;
    }

    private static bool? ReadBool(IConfiguration section, string key) =>
        Read(section, key, "true or false", text => bool.TryParse(text, out bool value) ? value : (bool?)null);

    private static int? ReadInt(IConfiguration section, string key) =>
        Read(section, key, "a whole number", text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : (int?)null);

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key) =>
        Read(section, key, "a time span such as 00:00:30", text => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value) ? value : (TimeSpan?)null);

    private static T? Read<T>(IConfiguration section, string key, string expected, Func<string, T?> parse)
        where T : struct
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return parse(text!.Trim()) ?? throw new InvalidOperationException(
            $"Configuration value '{ConfigurationPath.Combine(PathOf(section), key)}' = '{text}' is not {expected}.");
    }

    private static string PathOf(IConfiguration section) => (section as IConfigurationSection)?.Path ?? string.Empty;
}
