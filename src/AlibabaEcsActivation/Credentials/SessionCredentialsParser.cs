using System;
using System.Globalization;
using System.Text.Json;

namespace AlibabaEcsActivation.Credentials;

/// <summary>
/// Reads the JSON every temporary-credentials source answers with (<c>AccessKeyId</c>,
/// <c>AccessKeySecret</c>, <c>SecurityToken</c>, <c>Expiration</c>), optionally nested and
/// optionally guarded by <c>Code: "Success"</c>. Errors name the source and the field, never the body.
/// </summary>
internal static class SessionCredentialsParser
{
    // What the official SDKs accept: whole seconds, or milliseconds, in UTC.
    private static readonly string[] ExpirationFormats = { "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" };

    /// <param name="body">The answer's text.</param>
    /// <param name="source">Names the source in error messages.</param>
    /// <param name="providerName">Stamped on the credentials, e.g. <c>ecs_ram_role</c>.</param>
    /// <param name="requireSuccessCode">The metadata service's answers carry <c>Code</c>, which must be <c>Success</c>.</param>
    /// <param name="container">The object holding the fields (<c>Credentials</c> for STS), or null for the root.</param>
    public static AlibabaCloudCredentials Parse(string body, string source, string providerName, bool requireSuccessCode = false, string? container = null)
    {
        using (JsonDocument document = ParseJson(body, $"{source}: the answer is not JSON."))
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new EcsCredentialsException($"{source}: the answer is not a JSON object.");
            }

            if (requireSuccessCode)
            {
                string? code = ReadString(root, "Code");
                if (!string.Equals(code, "Success", StringComparison.Ordinal))
                {
                    throw new EcsCredentialsException($"{source}: the answer's Code is '{code ?? "(missing)"}', not 'Success'.");
                }
            }

            JsonElement fields = root;
            if (container is not null && (!root.TryGetProperty(container, out fields) || fields.ValueKind != JsonValueKind.Object))
            {
                throw new EcsCredentialsException($"{source}: the answer has no '{container}' object.");
            }

            string id = Require(fields, "AccessKeyId", source);
            string secret = Require(fields, "AccessKeySecret", source);
            string token = Require(fields, "SecurityToken", source);
            DateTimeOffset expiration = ParseExpiration(Require(fields, "Expiration", source), source);
            return new AlibabaCloudCredentials(id, secret, token, expiration, providerName);
        }
    }

    /// <summary>Parses JSON; on failure throws <paramref name="failure"/> as an <see cref="EcsCredentialsException"/>.</summary>
    public static JsonDocument ParseJson(string text, string failure)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            // The text is not quoted: a half-written answer or file could still hold a secret.
            throw new EcsCredentialsException(failure, e);
        }
    }

    /// <summary>Parses <c>2025-03-14T09:26:53Z</c> or <c>2025-03-14T09:26:53.123Z</c>; anything else is rejected.</summary>
    public static DateTimeOffset ParseExpiration(string text, string source)
    {
        if (DateTimeOffset.TryParseExact(text, ExpirationFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value))
        {
            return value;
        }

        throw new EcsCredentialsException($"{source}: Expiration '{text}' is not of the form YYYY-MM-DDTHH:mm:ssZ.");
    }

    /// <summary>A string property (or a number, written as text), or null when absent.</summary>
    public static string? ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string Require(JsonElement fields, string name, string source)
    {
        string? value = ReadString(fields, name);
        return string.IsNullOrEmpty(value)
            ? throw new EcsCredentialsException($"{source}: the answer has no {name}.")
            : value!;
    }
}
