using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Sdk;

/// <summary>The SDK signing with signature V3 over real loopback HTTP against the emulator: every action, STS, retries.</summary>
public class Acs3OverHttpTests : LoopbackEmulatorTest
{
    [Fact]
    public async Task Every_action_succeeds_signed_with_acs3()
    {
        using var client = CreateV3Client();

        CreateActivationResponse created = await client.CreateActivationAsync(
            new CreateActivationRequest { InstanceName = "web.node_1:a-b", Description = "激活码 für 🚀 a+b/c=d&e *~()", Tags = [new Tag("env", "prod test")] });
        DescribeActivationsResponse described = await client.DescribeActivationsAsync(new DescribeActivationsRequest { ActivationId = created.ActivationId });
        DisableActivationResponse disabled = await client.DisableActivationAsync(created.ActivationId);
        DeleteActivationResponse deleted = await client.DeleteActivationAsync(created.ActivationId);

        Assert.Equal("激活码 für 🚀 a+b/c=d&e *~()", described.ActivationList.Single().Description);
        Assert.True(disabled.Activation.Disabled);
        Assert.Equal(created.ActivationId, deleted.Activation!.ActivationId);
        Assert.Null(Emulator.Activations.Find("cn-hangzhou", created.ActivationId));
        Assert.All(Emulator.Requests.Snapshot(), r => Assert.Equal(EcsSignatureAlgorithm.Acs3HmacSha256, r.SignatureAlgorithm));
        Assert.Equal(
            ["CreateActivation", "DescribeActivations", "DisableActivation", "DeleteActivation"],
            Emulator.Requests.Snapshot().Select(r => r.Action));
    }

    [Fact]
    public async Task Bulk_disable_pages_and_disables_signed_with_acs3()
    {
        Seed("5F1E2D3C-1111-4A2B-8C3D-000000000001");
        using var client = CreateV3Client();

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest(), new BulkDisableOptions { AllInRegion = true });

        Assert.Equal((2, 0), (result.DisabledCount, result.FailedCount));
        Assert.All(Emulator.Activations.InRegion("cn-hangzhou"), a => Assert.True(a.Disabled));
    }

    [Fact]
    public async Task Sts_credentials_are_sent_in_the_signed_security_token_header()
    {
        Emulator.Credentials.AddStsToken("STS.NUgYrLnoC37mZZCNnAbez2Nyq", "stssecret", "CAIS+AF1q6Ft5B2yfSjIr5bSEsPbiY1j/6+nd0PZrW0=");
        using var client = CreateV3Client(o =>
        {
            o.AccessKeyId = "STS.NUgYrLnoC37mZZCNnAbez2Nyq";
            o.AccessKeySecret = "stssecret";
            o.SecurityToken = "CAIS+AF1q6Ft5B2yfSjIr5bSEsPbiY1j/6+nd0PZrW0=";
        });

        DisableActivationResponse response = await client.DisableActivationAsync(SeededId);

        Assert.True(response.Activation.Disabled);
        RecordedRequest recorded = Emulator.Requests.Snapshot().Single();
        Assert.Equal("STS.NUgYrLnoC37mZZCNnAbez2Nyq", recorded.AccessKeyId);
        Assert.Equal(RecordedRequest.Redacted, recorded.Headers["x-acs-security-token"]);
        Assert.Contains(";x-acs-security-token;", recorded.Headers["authorization"], System.StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityToken", recorded.Parameters.Keys);
    }

    [Fact]
    public async Task Only_business_parameters_travel_in_the_query()
    {
        using var client = CreateV3Client();

        await client.DisableActivationAsync(SeededId);

        Assert.Equal(["ActivationId", "RegionId"], Emulator.Requests.Snapshot().Single().Parameters.Keys);
    }

    [Fact]
    public async Task A_retry_is_signed_afresh_with_a_new_nonce_and_accepted()
    {
        Emulator.Faults.Enqueue(EcsFault.ServiceUnavailable);
        using var client = CreateV3Client();

        DisableActivationResponse response = await client.DisableActivationAsync(SeededId);

        Assert.True(response.Activation.Disabled);
        var requests = Emulator.Requests.Snapshot();
        Assert.Equal([1, 2], requests.Select(r => r.Attempt));
        Assert.NotEqual(requests[0].SignatureNonce, requests[1].SignatureNonce);
        Assert.Equal("1", requests[1].Headers["x-acs-retry-attempts"]);
        Assert.Contains(";x-acs-retry-attempts;", requests[1].Headers["authorization"], System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_secret_is_diagnosed_from_the_servers_string_to_sign()
    {
        using var client = CreateV3Client(o => o.AccessKeySecret = "not-the-secret");

        var e = await Assert.ThrowsAsync<SignatureMismatchException>(() => client.DisableActivationAsync(SeededId));

        Assert.Equal(SignatureMismatchDiagnosis.WrongSecret, e.Diagnosis);
        Assert.DoesNotContain("not-the-secret", e.ToString(), System.StringComparison.Ordinal);
    }

    private EcsActivationClient CreateV3Client(System.Action<EcsActivationClientOptions>? configure = null) =>
        CreateClient(o =>
        {
            o.SignatureAlgorithm = EcsSignatureAlgorithm.Acs3HmacSha256;
            configure?.Invoke(o);
        });
}
