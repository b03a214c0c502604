using System;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Configuration;

public class InputValidationTests
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly MockedRequest _any;

    public InputValidationTests()
    {
        _any = _mock.When("*").Respond("application/json", ApiResponses.DisableSuccessTyped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("id\u0000x")]
    [InlineData("id\nx")]
    [InlineData(" id")]
    public async Task Bad_activation_ids_are_rejected_before_any_request(string id)
    {
        using var client = ClientFactory.Create(_mock);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.DisableActivationAsync(id));

        Assert.Equal(0, _mock.GetMatchCount(_any));
    }

    [Fact]
    public async Task Unpaired_surrogate_is_rejected_because_it_cannot_be_encoded_as_the_service_signs()
    {
        using var client = ClientFactory.Create(_mock);
        string id = "id" + (char)0xD800;

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.DisableActivationAsync(id));

        Assert.Contains("surrogate", e.Message);
        Assert.Equal(0, _mock.GetMatchCount(_any));
    }

    [Fact]
    public async Task Absurdly_long_activation_id_is_rejected_with_its_length()
    {
        using var client = ClientFactory.Create(_mock);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.DisableActivationAsync(new string('a', 10_000)));

        Assert.Contains("10000", e.Message);
        Assert.Equal(0, _mock.GetMatchCount(_any));
    }

    [Fact]
    public async Task Null_activation_id_and_null_request_throw_ArgumentNullException()
    {
        using var client = ClientFactory.Create(_mock);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.DisableActivationAsync((string)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.DisableActivationAsync((DisableActivationRequest)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.DisableActivationAsync(new DisableActivationRequest()));
    }

    [Theory]
    [InlineData("CN-HANGZHOU")]
    [InlineData("cn hangzhou")]
    [InlineData("")]
    [InlineData("cn-hangzhou&Action=x")]
    public async Task Malformed_request_region_is_rejected_before_any_request(string region)
    {
        using var client = ClientFactory.Create(_mock);

        await Assert.ThrowsAsync<ArgumentException>(() => client.DisableActivationAsync(new DisableActivationRequest("id") { RegionId = region }));

        Assert.Equal(0, _mock.GetMatchCount(_any));
    }

    [Fact]
    public async Task Non_ascii_and_emoji_ids_are_sent_not_rejected()
    {
        using var client = ClientFactory.Create(_mock);

        await client.DisableActivationAsync("激活-🚀");

        Assert.Equal(1, _mock.GetMatchCount(_any));
    }
}
