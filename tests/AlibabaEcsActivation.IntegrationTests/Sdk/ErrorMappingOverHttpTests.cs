using System;
using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Sdk;

/// <summary>Every documented error, produced by the emulator for real, reaches the caller as its typed exception.</summary>
public class ErrorMappingOverHttpTests : LoopbackEmulatorTest
{
    [Fact]
    public async Task Unknown_activation_is_ActivationNotFoundException()
    {
        using var client = CreateClient();

        var e = await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DisableActivationAsync("no-such-activation"));

        Assert.Equal((404, "ActivationId.NotFound"), (e.StatusCode, e.ErrorCode));
        Assert.Equal(1, e.Attempts);
    }

    [Theory]
    [InlineData("moon-base-1", 404, "InvalidRegionId.NotFound", typeof(InvalidRegionIdException))] // nonsense
    [InlineData("eu-central-1", 400, "RegionId.ApiNotSupported", typeof(RegionNotSupportedException))] // real, without these APIs
    [InlineData("ap-southeast-5", 400, "RegionId.ApiNotSupported", typeof(RegionNotSupportedException))]
    public async Task Region_outside_the_sixteen_is_its_typed_exception(string regionId, int status, string code, Type expected)
    {
        using var client = CreateClient(o => o.RegionId = regionId);

        var e = await Assert.ThrowsAnyAsync<EcsServiceException>(() => client.DisableActivationAsync(SeededId));

        Assert.IsType(expected, e);
        Assert.Equal((status, code), (e.StatusCode, e.ErrorCode));
    }

    [Fact]
    public async Task Operation_forbidden_is_OperationForbiddenException_and_not_retried()
    {
        Emulator.Faults.Enqueue(EcsFault.OperationForbidden, count: 5);
        using var client = CreateClient();

        var e = await Assert.ThrowsAsync<OperationForbiddenException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal(403, e.StatusCode);
        Assert.Single(Emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task Wrong_secret_is_SignatureMismatchException_diagnosed_as_wrong_secret()
    {
        using var client = CreateClient(o => o.AccessKeySecret = "not-the-secret");

        var e = await Assert.ThrowsAsync<SignatureMismatchException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal(SignatureMismatchDiagnosis.WrongSecret, e.Diagnosis);
        Assert.Equal((400, "SignatureDoesNotMatch"), (e.StatusCode, e.ErrorCode));
        Assert.DoesNotContain("not-the-secret", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_access_key_is_EcsAuthenticationException()
    {
        using var client = CreateClient(o => o.AccessKeyId = "nobody");

        var e = await Assert.ThrowsAsync<EcsAuthenticationException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal((404, "InvalidAccessKeyId.NotFound"), (e.StatusCode, e.ErrorCode));
    }

    [Fact]
    public async Task Client_clock_twenty_minutes_off_is_InvalidTimeStamp_Expired()
    {
        var skewed = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-20));
        using var client = CreateClient(o => o.TimeProvider = skewed);

        var e = await Assert.ThrowsAsync<EcsAuthenticationException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal("InvalidTimeStamp.Expired", e.ErrorCode);
    }

    [Fact]
    public async Task Reused_nonce_is_SignatureNonceUsed()
    {
        using var client = CreateClient(nonceSource: () => "always-the-same-nonce");
        await client.DisableActivationAsync(SeededId);

        var e = await Assert.ThrowsAsync<EcsAuthenticationException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal("SignatureNonceUsed", e.ErrorCode);
    }

    [Fact]
    public async Task Sts_credentials_with_their_token_are_accepted()
    {
        Emulator.Credentials.AddStsToken("STS.tempid", "tempsecret", "token+/=");
        using var client = CreateClient(o => (o.AccessKeyId, o.AccessKeySecret, o.SecurityToken) = ("STS.tempid", "tempsecret", "token+/="));

        DisableActivationResponse response = await client.DisableActivationAsync(SeededId);

        Assert.True(response.Activation.Disabled);
        Assert.Equal(RecordedRequest.Redacted, Emulator.Requests.Snapshot().Single().Parameters["SecurityToken"]);
    }

    [Theory]
    [InlineData(null, "InvalidSecurityToken.Malformed")]
    [InlineData("another-token", "InvalidSecurityToken.MismatchWithAccessKey")]
    public async Task Sts_credentials_without_their_token_are_rejected(string? token, string expectedCode)
    {
        Emulator.Credentials.AddStsToken("STS.tempid", "tempsecret", "the-token");
        using var client = CreateClient(o => (o.AccessKeyId, o.AccessKeySecret, o.SecurityToken) = ("STS.tempid", "tempsecret", token));

        var e = await Assert.ThrowsAsync<EcsAuthenticationException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal(expectedCode, e.ErrorCode);
    }

    [Fact]
    public async Task Service_error_carries_request_id_host_id_and_recommend()
    {
        using var client = CreateClient();

        var e = await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DisableActivationAsync("no-such-activation"));

        Assert.Equal(Emulator.Requests.Snapshot().Single().StatusCode, e.StatusCode);
        Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$", e.RequestId);
        Assert.Equal(Server.BaseAddress.Authority, e.HostId);
        Assert.Contains("ActivationId.NotFound", e.Recommend, StringComparison.Ordinal);
        Assert.Equal("The specified activation id does not exist.", e.ServiceMessage);
    }

    [Fact]
    public async Task Success_status_with_a_body_that_is_not_json_on_every_attempt_is_EcsInvalidResponseException()
    {
        Emulator.Faults.Enqueue(EcsFault.RawResponse(200, "application/json", "<not json>"), count: 4);
        using var client = CreateClient();

        var e = await Assert.ThrowsAsync<EcsInvalidResponseException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal((EcsErrorCodes.InvalidResponse, 4), (e.ErrorCode, e.Attempts));
    }

    [Fact]
    public async Task Success_status_with_a_body_that_is_not_json_is_retried()
    {
        Emulator.Faults.Enqueue(EcsFault.RawResponse(200, "application/json", "<not json>"));
        using var client = CreateClient();

        DisableActivationResponse response = await client.DisableActivationAsync(SeededId);

        Assert.True(response.Activation.Disabled);
        Assert.True(Emulator.Activations.Find("cn-hangzhou", SeededId)!.Disabled);
    }
}
