using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

public sealed class EcsRamRoleCredentialsProviderTests : IDisposable
{
    private const string Metadata = CredentialsTestBed.Metadata;
    private const string RolePath = Metadata + EcsRamRoleCredentialsProvider.CredentialsPath;
    private readonly CredentialsTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Token_mode_discovers_the_role_and_reads_its_credentials()
    {
        _bed.ServeMetadata(role: "EcsRole");

        var credentials = await new EcsRamRoleCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("STS.ecs", credentials.AccessKeyId);
        Assert.Equal(CredentialsTestBed.Secret, credentials.AccessKeySecret);
        Assert.Equal(CredentialsTestBed.Token, credentials.SecurityToken);
        Assert.Equal(CredentialsTestBed.Start.AddHours(6), credentials.Expiration);
        Assert.Equal("ecs_ram_role", credentials.ProviderName);
    }

    [Fact]
    public async Task Role_named_by_ALIBABA_CLOUD_ECS_METADATA_is_used_without_discovery()
    {
        _bed.Environment["ALIBABA_CLOUD_ECS_METADATA"] = "NamedRole";
        _bed.ServeMetadata(role: "NamedRole", discoverable: false);

        var credentials = await new EcsRamRoleCredentialsProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("STS.ecs", credentials.AccessKeyId);
    }

    [Fact]
    public async Task Falls_back_to_requests_without_token_when_the_token_request_fails()
    {
        _bed.Http.When(HttpMethod.Put, Metadata + EcsRamRoleCredentialsProvider.TokenPath).Respond(HttpStatusCode.Forbidden);
        var withoutToken = _bed.Http.When(HttpMethod.Get, RolePath + "V1Role")
            .With(r => !r.Headers.Contains(EcsRamRoleCredentialsProvider.TokenHeader))
            .Respond("application/json", CredentialsTestBed.SessionJson("STS.v1"));

        var credentials = await new EcsRamRoleCredentialsProvider(_bed.Context, "V1Role").GetCredentialsAsync();

        Assert.Equal("STS.v1", credentials.AccessKeyId);
        Assert.Equal(1, _bed.Http.GetMatchCount(withoutToken));
    }

    [Fact]
    public async Task Does_not_fall_back_when_ALIBABA_CLOUD_IMDSV1_DISABLED_is_true()
    {
        _bed.Environment["ALIBABA_CLOUD_IMDSV1_DISABLED"] = "TRUE";
        _bed.Http.When(HttpMethod.Put, Metadata + EcsRamRoleCredentialsProvider.TokenPath).Respond(HttpStatusCode.Forbidden);
        var withoutToken = _bed.Http.When(HttpMethod.Get, RolePath + "V1Role").Respond("application/json", CredentialsTestBed.SessionJson());

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new EcsRamRoleCredentialsProvider(_bed.Context, "V1Role").GetCredentialsAsync().AsTask());

        Assert.Contains("ALIBABA_CLOUD_IMDSV1_DISABLED", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _bed.Http.GetMatchCount(withoutToken));
    }

    [Fact]
    public async Task A_failed_tokened_request_is_retried_once_without_the_token()
    {
        _bed.Http.When(HttpMethod.Put, Metadata + EcsRamRoleCredentialsProvider.TokenPath).Respond("text/plain", "metadata-token");
        _bed.Http.When(HttpMethod.Get, RolePath + "R").WithHeaders(EcsRamRoleCredentialsProvider.TokenHeader, "metadata-token").Respond(HttpStatusCode.Unauthorized);
        _bed.Http.When(HttpMethod.Get, RolePath + "R").Respond("application/json", CredentialsTestBed.SessionJson("STS.retried"));

        var credentials = await new EcsRamRoleCredentialsProvider(_bed.Context, "R").GetCredentialsAsync();

        Assert.Equal("STS.retried", credentials.AccessKeyId);
    }

    [Fact]
    public async Task ALIBABA_CLOUD_ECS_METADATA_DISABLED_turns_the_provider_off_without_any_request()
    {
        _bed.Environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";
        _bed.ServeMetadata();

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new EcsRamRoleCredentialsProvider(_bed.Context).GetCredentialsAsync().AsTask());

        Assert.Contains("ALIBABA_CLOUD_ECS_METADATA_DISABLED", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"Code\":\"Failed\",\"AccessKeyId\":\"x\",\"AccessKeySecret\":\"" + CredentialsTestBed.Secret + "\"}", "Code is 'Failed'")]
    [InlineData("<html>" + CredentialsTestBed.Secret + "</html>", "not JSON")]
    [InlineData("{\"Code\":\"Success\",\"AccessKeyId\":\"x\",\"AccessKeySecret\":\"" + CredentialsTestBed.Secret + "\",\"Expiration\":\"2025-03-14T15:00:00Z\"}", "no SecurityToken")]
    [InlineData("{\"Code\":\"Success\",\"AccessKeyId\":\"x\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"2025/03/14 15:00\"}", "not of the form")]
    [InlineData("{\"Code\":\"Success\",\"AccessKeyId\":\"x\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"2025-03-14T08:00:00Z\"}", "already expired")]
    public async Task A_malformed_answer_is_a_clear_error_without_the_secret(string body, string expected)
    {
        _bed.ServeMetadata(role: "R", credentialsJson: body);

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new EcsRamRoleCredentialsProvider(_bed.Context, "R").GetCredentialsAsync().AsTask());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CredentialsTestBed.Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_an_expiration_with_milliseconds()
    {
        _bed.ServeMetadata(role: "R", credentialsJson: CredentialsTestBed.SessionJson(expiration: "2025-03-14T15:00:00.250Z"));

        var credentials = await new EcsRamRoleCredentialsProvider(_bed.Context, "R").GetCredentialsAsync();

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 15, 0, 0, 250, TimeSpan.Zero), credentials.Expiration);
    }

    [Fact]
    public async Task Prefetches_once_less_than_60_minutes_remain()
    {
        _bed.ServeMetadata(role: "R", credentialsJson: CredentialsTestBed.SessionJson(expiration: CredentialsTestBed.ExpiresIn(TimeSpan.FromHours(2))));
        var provider = new EcsRamRoleCredentialsProvider(_bed.Context, "R");
        var first = await provider.GetCredentialsAsync();

        _bed.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Same(first, await provider.GetCredentialsAsync());
        _bed.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.NotSame(first, await provider.GetCredentialsAsync());
    }

    [Fact]
    public async Task An_unreachable_metadata_service_is_reported_after_the_timeout()
    {
        var hanging = new HangingHandler();
        using var client = new HttpClient(hanging);
        var timeout = TimeSpan.FromMilliseconds(20);
        var context = _bed.Context with { MetadataHttpClient = client, MetadataTimeout = timeout };

        Task<AlibabaCloudCredentials> fetch = new EcsRamRoleCredentialsProvider(context, "R", disableImdsV1: true).GetCredentialsAsync().AsTask();
        await hanging.Received;
        _bed.Time.Advance(timeout - TimeSpan.FromTicks(1));
        bool gaveUpEarly = fetch.IsCompleted;
        _bed.Time.Advance(TimeSpan.FromTicks(1));
        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => fetch);

        Assert.False(gaveUpEarly);
        Assert.Contains("no answer from http://100.100.100.200 within 20 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_names_the_role_and_address_only()
    {
        string text = new EcsRamRoleCredentialsProvider(_bed.Context, "R").ToString();

        Assert.Equal("EcsRamRoleCredentialsProvider { RoleName = R, Metadata = http://100.100.100.200/, ImdsV1Fallback = True }", text);
    }
}
