using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Signing;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

/// <summary>What the client sends with <c>SignatureAlgorithm = "ACS3-HMAC-SHA256"</c>: the official client's V3 shape.</summary>
public class Acs3WireFormatTests
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly List<RecordedRequest> _sent = new();

    private void Respond(Func<HttpResponseMessage> response) =>
        _mock.Expect("*").With(r => { _sent.Add(RecordedRequest.From(r)); return true; }).Respond(_ => response());

    private static HttpResponseMessage Ok() => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped);

    private static HttpResponseMessage Dispatch() =>
        ApiResponses.Json(HttpStatusCode.InternalServerError, ApiResponses.Error("InternalError.Dispatch", "An error occurred when you dispatched the request."));

    private async Task<RecordedRequest> DisableAsync(Action<EcsActivationClientOptions>? configure = null)
    {
        Respond(Ok);
        using var client = ClientFactory.Create(_mock, o => { o.SignatureAlgorithm = EcsSignatureAlgorithm.Acs3HmacSha256; configure?.Invoke(o); }, nonces: () => "nonce-0001");
        await client.DisableActivationAsync(ApiResponses.DocActivationId);
        return Assert.Single(_sent);
    }

    [Fact]
    public async Task Sends_POST_to_root_with_only_the_business_parameters_and_no_body()
    {
        RecordedRequest request = await DisableAsync();

        Assert.Equal("POST", request.Method);
        Assert.Equal("https://ecs-cn-hangzhou.aliyuncs.com/?ActivationId=4ECEEE12-56F1-4FBC-9AB1-890F1234%2A%2A%2A%2A&RegionId=cn-hangzhou", request.Uri.AbsoluteUri);
        Assert.False(request.HasContent);
    }

    [Fact]
    public async Task Headers_carry_the_common_values_and_the_authorization()
    {
        RecordedRequest request = await DisableAsync();

        Assert.Equal("ecs-cn-hangzhou.aliyuncs.com", request.Headers["Host"]);
        Assert.Equal("DisableActivation", request.Headers["x-acs-action"]);
        Assert.Equal("2014-05-26", request.Headers["x-acs-version"]);
        Assert.Equal("2025-03-14T09:26:53Z", request.Headers["x-acs-date"]);
        Assert.Equal("nonce-0001", request.Headers["x-acs-signature-nonce"]);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", request.Headers["x-acs-content-sha256"]);
        Assert.False(request.Headers.ContainsKey("x-acs-security-token"));
        Assert.Matches(
            "^ACS3-HMAC-SHA256 Credential=" + ClientFactory.AccessKeyId + ",SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$",
            request.Headers["Authorization"]);
    }

    [Fact]
    public async Task The_authorization_on_the_wire_signs_what_is_on_the_wire()
    {
        RecordedRequest request = await DisableAsync();

        Acs3Signature expected = Acs3Signer.Compute(
            "POST", "/", request.Query, request.Headers.Where(h => h.Key != "Authorization"), Acs3Signer.EmptyPayloadHash, ClientFactory.AccessKeyId, ClientFactory.AccessKeySecret);
        Assert.Equal(expected.Authorization, request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Sts_token_travels_in_a_signed_header_not_in_the_query()
    {
        RecordedRequest request = await DisableAsync(o => o.CredentialsProvider = new StaticCredentialsProvider("STS.id", "stssecret", ClientFactory.SecurityToken));

        Assert.Equal(ClientFactory.SecurityToken, request.Headers["x-acs-security-token"]);
        Assert.Contains(";x-acs-security-token;", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(["ActivationId", "RegionId"], request.Query.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Retry_is_freshly_dated_nonced_and_signed_on_every_attempt()
    {
        Respond(Dispatch);
        Respond(Dispatch);
        Respond(Ok);
        using var client = ClientFactory.Create(_mock, o => o.SignatureAlgorithm = EcsSignatureAlgorithm.Acs3HmacSha256);

        await client.DisableActivationAsync(ApiResponses.DocActivationId);

        Assert.Equal(3, _sent.Count);
        Assert.Equal(3, _sent.Select(r => r.Headers["x-acs-signature-nonce"]).Distinct().Count());
        Assert.Equal(3, _sent.Select(r => r.Headers["x-acs-date"]).Distinct().Count());
        Assert.Equal(3, _sent.Select(r => r.Headers["Authorization"]).Distinct().Count());
        Assert.Equal([null, "1", "2"], _sent.Select(r => r.Headers.TryGetValue("x-acs-retry-attempts", out string? v) ? v : null));
        Assert.All(_sent.Skip(1), r => Assert.Contains(";x-acs-retry-attempts;", r.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_attempt_signs_with_the_credentials_the_provider_gives_it()
    {
        Respond(Dispatch);
        Respond(Ok);
        var rotating = new RotatingCredentials();
        using var client = ClientFactory.Create(_mock, o => { o.SignatureAlgorithm = EcsSignatureAlgorithm.Acs3HmacSha256; o.CredentialsProvider = rotating; });

        await client.DisableActivationAsync(ApiResponses.DocActivationId);

        Assert.Equal(["STS.1", "STS.2"], _sent.Select(r => r.Headers["Authorization"].Split(',')[0]["ACS3-HMAC-SHA256 Credential=".Length..]));
        Assert.Equal(["token-1", "token-2"], _sent.Select(r => r.Headers["x-acs-security-token"]));
    }

    [Fact]
    public async Task Rpc_v1_stays_the_default()
    {
        Respond(Ok);
        using var client = ClientFactory.Create(_mock);

        await client.DisableActivationAsync(ApiResponses.DocActivationId);

        Assert.True(_sent.Single().Query.ContainsKey("Signature"));
        Assert.False(_sent.Single().Headers.ContainsKey("Authorization"));
    }

    private sealed class RotatingCredentials : ICredentialsProvider
    {
        private int _calls;

        public ValueTask<AlibabaCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        {
            int n = Interlocked.Increment(ref _calls);
            return new ValueTask<AlibabaCloudCredentials>(new AlibabaCloudCredentials($"STS.{n}", $"secret-{n}", $"token-{n}"));
        }
    }
}
