using System.Linq;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using AlibabaEcsActivation.Testing;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Sdk;

/// <summary>One shared client, hundreds of parallel calls: no nonce collision, no lost update, every request recorded.</summary>
public class ConcurrencyOverHttpTests : LoopbackEmulatorTest
{
    private const int Activations = 200;
    private const int CallsPerActivation = 2;

    private static string IdOf(int i) => $"CONCURRENT-{i:D4}";

    [Fact]
    public async Task Hundreds_of_parallel_disables_all_succeed_with_distinct_nonces()
    {
        using var client = await RunParallelDisablesAsync();

        var sent = Emulator.Requests.Snapshot();
        Assert.Equal(Activations * CallsPerActivation, sent.Count);
        Assert.All(sent, r => Assert.Equal(RequestOutcome.Succeeded, r.Outcome));
        Assert.Equal(sent.Count, sent.Select(r => r.SignatureNonce).Distinct().Count());
    }

    [Fact]
    public async Task Hundreds_of_parallel_disables_lose_no_update()
    {
        using var client = await RunParallelDisablesAsync();

        var stored = Emulator.Activations.InRegion("cn-hangzhou").Where(a => a.ActivationId.StartsWith("CONCURRENT-", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(Activations, stored.Count);
        Assert.All(stored, a => Assert.True(a.Disabled));
        Assert.All(stored, a => Assert.Equal(EmulatedActivation.DocumentedExample with { ActivationId = a.ActivationId, Disabled = true }, a));
    }

    private async Task<EcsActivationClient> RunParallelDisablesAsync()
    {
        for (int i = 0; i < Activations; i++)
        {
            Seed(IdOf(i));
        }

        EcsActivationClient client = CreateClient(o => o.MaxRetries = 0);
        var calls = Enumerable.Range(0, Activations * CallsPerActivation)
            .Select(n => Task.Run(() => client.DisableActivationAsync(IdOf(n % Activations))));
        DisableActivationResponse[] responses = await Task.WhenAll(calls);
        Assert.All(responses, r => Assert.True(r.Activation.Disabled));
        return client;
    }
}
