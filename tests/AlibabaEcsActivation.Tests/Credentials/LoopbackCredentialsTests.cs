using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

/// <summary>The network sources over real HTTP on 127.0.0.1, with the library's own shared HttpClients.</summary>
public sealed class LoopbackCredentialsTests : IDisposable
{
    private readonly CredentialsTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task ECS_role_over_real_HTTP_uses_the_token_headers()
    {
        var seen = new ConcurrentQueue<string>();
        using var server = new LoopbackServer(request =>
        {
            seen.Enqueue($"{request.HttpMethod} {request.Url!.AbsolutePath} ttl={request.Headers[EcsRamRoleCredentialsProvider.TokenTtlHeader]} token={request.Headers[EcsRamRoleCredentialsProvider.TokenHeader]}");
            return request.Url.AbsolutePath switch
            {
                EcsRamRoleCredentialsProvider.TokenPath => (200, "loopback-token"),
                EcsRamRoleCredentialsProvider.CredentialsPath => (200, "LoopRole\n"),
                _ => (200, CredentialsTestBed.SessionJson("STS.loop")),
            };
        });
        var context = _bed.Offline with { MetadataBaseAddress = server.BaseAddress };

        var credentials = await new EcsRamRoleCredentialsProvider(context).GetCredentialsAsync();

        Assert.Equal("STS.loop", credentials.AccessKeyId);
        Assert.Equal(
            new[]
            {
                "PUT /latest/api/token ttl=21600 token=",
                "GET /latest/meta-data/ram/security-credentials/ ttl= token=loopback-token",
                "GET /latest/meta-data/ram/security-credentials/LoopRole ttl= token=loopback-token",
            },
            seen.ToArray());
    }

    [Fact]
    public async Task Credentials_URI_over_real_HTTP()
    {
        using var server = new LoopbackServer(_ => (200, CredentialsTestBed.SessionJson("STS.uri-loop", code: null)));
        var context = _bed.Offline;

        var credentials = await new CredentialsUriProvider(context, new Uri(server.BaseAddress, "creds")).GetCredentialsAsync();

        Assert.Equal("STS.uri-loop", credentials.AccessKeyId);
    }

    [Fact]
    public async Task A_refused_connection_is_a_credentials_error_naming_the_host()
    {
        Uri closed;
        using (var server = new LoopbackServer(_ => (200, "")))
        {
            closed = server.BaseAddress;
        }

        var context = _bed.Offline;

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new CredentialsUriProvider(context, closed).GetCredentialsAsync().AsTask());

        Assert.Contains("could not reach " + closed.GetLeftPart(UriPartial.Authority), error.Message, StringComparison.Ordinal);
    }
}
