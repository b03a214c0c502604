using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Lifecycle;

/// <summary>
/// Bulk disable against the emulator's flow-control limit over loopback HTTP, with the client's default retry
/// delays (the pace's floor and cap come from them): every code disabled, none failed, few throttled requests,
/// and each outcome's Attempts the number of requests the emulator got for its code. Speed is the benchmark's
/// business (<c>-- bulk</c>), not asserted here.
/// </summary>
public sealed class BulkFlowControlOverHttpTests : IAsyncLifetime
{
    private const int Limit = 100;

    private readonly EcsEmulator _emulator = new(new EcsEmulatorOptions { SeedDocumentedExample = false, FlowControlLimit = Limit });
    private EcsEmulatorServer _server = null!;

    public async Task InitializeAsync() => _server = await _emulator.StartServerAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Id_list_mode_disables_every_code_within_the_limit_with_few_throttled_requests()
    {
        IReadOnlyList<string> ids = ActivationSeeds.Add(_emulator, 250);
        using var client = CreateClient();

        BulkDisableResult result = await client.DisableActivationsAsync(ids);

        AssertAllDisabledWithFewThrottled(result, ids);
    }

    [Fact]
    public async Task Filter_mode_disables_every_match_within_the_limit_with_few_throttled_requests()
    {
        IReadOnlyList<string> ids = ActivationSeeds.Add(_emulator, 150, shape: a => a with { InstanceName = "rack12" });
        using var client = CreateClient();

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest { InstanceName = "rack12" });

        AssertAllDisabledWithFewThrottled(result, ids);
    }

    private void AssertAllDisabledWithFewThrottled(BulkDisableResult result, IReadOnlyList<string> ids)
    {
        Assert.Equal((ids.Count, 0), (result.DisabledCount, result.FailedCount));
        Assert.All(ids, id => Assert.True(_emulator.Activations.Find("cn-hangzhou", id)!.Disabled));
        RecordedRequest[] disables = _emulator.Requests.Snapshot().Where(r => r.Action == "DisableActivation").ToArray();
        int throttled = disables.Count(r => r.ErrorCode == "Throttling.User");
        Assert.True(throttled <= ids.Count / 4, $"{throttled} throttled requests for {ids.Count} codes");
        var requestsPerCode = disables.GroupBy(r => r.ActivationId!).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(result.Outcomes, o => Assert.Equal(requestsPerCode[o.ActivationId], o.Attempts));
    }

    private EcsActivationClient CreateClient() => new(new EcsActivationClientOptions
    {
        RegionId = "cn-hangzhou",
        Endpoint = _server.BaseAddress.ToString(),
        AccessKeyId = EcsEmulator.DefaultAccessKeyId,
        AccessKeySecret = EcsEmulator.DefaultAccessKeySecret,
    });
}
