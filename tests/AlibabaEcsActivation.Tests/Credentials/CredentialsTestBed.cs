using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using AlibabaEcsActivation.Credentials;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace AlibabaEcsActivation.Tests.Credentials;

/// <summary>
/// A temporary HOME, a fake environment, a fake clock and a mock HTTP handler standing in for the
/// metadata service, STS and credentials URIs: everything a provider reads from the outside world.
/// The clock also runs the request time limits (the production ones): they fire only when a test advances it.
/// </summary>
internal sealed class CredentialsTestBed : IDisposable
{
    public const string Metadata = "http://100.100.100.200";
    public const string Secret = "Secret-Do-Not-Print-7f3a";
    public const string Token = "Token-Do-Not-Print-91bc";
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private HttpClient? _httpClient;

    public CredentialsTestBed()
    {
        Home = Path.Combine(Path.GetTempPath(), "ecs-credentials-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Home);
    }

    public string Home { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public FakeTimeProvider Time { get; } = new(Start);

    public MockHttpMessageHandler Http { get; } = new();

    /// <summary>The fake environment, HOME and clock, with <see cref="Http"/> answering every credentials request.</summary>
    public CredentialsContext Context
    {
        get
        {
            HttpClient client = _httpClient ??= Http.ToHttpClient();
            return Offline with { MetadataHttpClient = client, NetworkHttpClientSource = () => client };
        }
    }

    /// <summary>The fake environment, HOME and clock, with the library's own HTTP clients.</summary>
    public CredentialsContext Offline => new()
    {
        GetEnvironmentVariable = name => Environment.TryGetValue(name, out string? value) ? value : null,
        HomeDirectory = Home,
        TimeProvider = Time,
    };

    /// <summary>Writes a file under HOME and returns its full path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        string path = Path.Combine(Home, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>An expiration <paramref name="fromStart"/> after the test's start, in the wire format.</summary>
    public static string ExpiresIn(TimeSpan fromStart) =>
        (Start + fromStart).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A session-credentials answer; <paramref name="code"/> null leaves Code out.</summary>
    public static string SessionJson(string id = "STS.id-1", string? expiration = null, string? code = "Success") =>
        "{" + (code is null ? "" : $"\"Code\":\"{code}\",") +
        $"\"AccessKeyId\":\"{id}\",\"AccessKeySecret\":\"{Secret}\",\"SecurityToken\":\"{Token}\",\"Expiration\":\"{expiration ?? ExpiresIn(TimeSpan.FromHours(6))}\"}}";

    /// <summary>The metadata service in hardened mode with one role.</summary>
    /// <param name="role">The attached role's name.</param>
    /// <param name="credentialsJson">The role's credentials answer.</param>
    /// <param name="discoverable">False answers the role-name query with 404, to prove it is not asked.</param>
    public void ServeMetadata(string role = "EcsRole", string? credentialsJson = null, bool discoverable = true)
    {
        Http.When(HttpMethod.Put, Metadata + EcsRamRoleCredentialsProvider.TokenPath)
            .WithHeaders(EcsRamRoleCredentialsProvider.TokenTtlHeader, EcsRamRoleCredentialsProvider.TokenTtlSeconds)
            .Respond("text/plain", "metadata-token");
        Http.When(HttpMethod.Get, Metadata + EcsRamRoleCredentialsProvider.CredentialsPath)
            .WithHeaders(EcsRamRoleCredentialsProvider.TokenHeader, "metadata-token")
            .Respond(discoverable ? HttpStatusCode.OK : HttpStatusCode.NotFound, "text/plain", role);
        Http.When(HttpMethod.Get, Metadata + EcsRamRoleCredentialsProvider.CredentialsPath + role)
            .WithHeaders(EcsRamRoleCredentialsProvider.TokenHeader, "metadata-token")
            .Respond("application/json", credentialsJson ?? SessionJson("STS.ecs"));
    }

    public void Dispose()
    {
        _httpClient?.Dispose();
        Http.Dispose();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
