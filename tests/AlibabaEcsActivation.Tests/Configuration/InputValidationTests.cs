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

    [Theory]
    [InlineData("unpaired surrogate", "surrogate")] // it cannot be encoded as the service signs
    [InlineData("10,000 characters", "10000")] // absurdly long: the message gives the length
    public async Task Unencodable_or_absurdly_long_activation_id_is_rejected_saying_why(string id, string reason)
    {
        using var client = ClientFactory.Create(_mock);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.DisableActivationAsync(ActivationId(id)));

        Assert.Contains(reason, e.Message);
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

    /// <summary>Ids a theory case names rather than carries (a lone surrogate or 10,000 characters would make a poor display name).</summary>
    private static string ActivationId(string id) => id switch
    {
        "unpaired surrogate" => "id" + (char)0xD800,
        "10,000 characters" => new string('a', 10_000),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "no such case"),
    };
}
