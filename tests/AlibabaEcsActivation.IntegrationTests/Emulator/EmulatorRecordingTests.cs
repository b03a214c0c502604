using System;
using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>What the request log keeps: parameters without secrets, the declared attempt and the verdict.</summary>
public class EmulatorRecordingTests : HandlerEmulatorTest
{
    [Fact]
    public async Task Signature_and_security_token_are_redacted()
    {
        Emulator.Credentials.AddStsToken("STS.id", "stssecret", "very-secret-token");
        var request = Request().With("AccessKeyId", "STS.id").With("SecurityToken", "very-secret-token");
        request.Secret = "stssecret";
        await SendAsync(request);

        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();

        Assert.Equal(RecordedRequest.Redacted, recorded.Parameters["Signature"]);
        Assert.Equal(RecordedRequest.Redacted, recorded.Parameters["SecurityToken"]);
        Assert.DoesNotContain(recorded.Parameters.Values, v => v.Contains("very-secret-token", StringComparison.Ordinal));
        Assert.Equal("STS.id", recorded.AccessKeyId);
    }

    [Fact]
    public async Task Nonce_and_business_parameters_are_kept()
    {
        await SendAsync(Request().With("SignatureNonce", "nonce-1"));

        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();

        Assert.Equal("nonce-1", recorded.SignatureNonce);
        Assert.Equal(RawRequest.SeededId, recorded.ActivationId);
        Assert.Equal("cn-hangzhou", recorded.RegionId);
        Assert.Equal(Now, recorded.ReceivedAt);
    }

    [Fact]
    public async Task Attempt_is_one_plus_the_retry_attempts_header()
    {
        var request = Request();
        request.RetryAttemptsHeader = "2";

        await SendAsync(request);

        Assert.Equal(3, Emulator.Requests.Snapshot().Single().Attempt);
    }

    [Fact]
    public async Task Verdict_records_status_and_error_code()
    {
        await SendAsync(Request().With("ActivationId", "missing"));

        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();

        Assert.Equal((RequestOutcome.Failed, 404, "ActivationId.NotFound"), (recorded.Outcome, recorded.StatusCode, recorded.ErrorCode));
    }

    [Fact]
    public async Task Completed_event_reports_every_request()
    {
        RecordedRequest? reported = null;
        Emulator.Requests.Completed += (_, r) => reported = r;

        await SendAsync(Request());

        Assert.Equal(RequestOutcome.Succeeded, reported?.Outcome);
    }

    [Fact]
    public async Task Log_keeps_only_the_newest_requests_beyond_its_capacity()
    {
        var emulator = new EcsEmulator(new EcsEmulatorOptions { TimeProvider = Clock, MaxRecordedRequests = 2 });
        using var http = new System.Net.Http.HttpClient(emulator.CreateHandler());
        for (int i = 0; i < 3; i++)
        {
            (await http.SendAsync(Request().With("SignatureNonce", $"n{i}").Build())).Dispose();
        }

        Assert.Equal(new[] { "n1", "n2" }, emulator.Requests.Snapshot().Select(r => r.SignatureNonce));
        Assert.Equal(3, emulator.Requests.Received);
    }
}
