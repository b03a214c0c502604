using System;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.IntegrationTests.Support;
using Xunit;

namespace AlibabaEcsActivation.IntegrationTests.Emulator;

/// <summary>The gateway's checks: timestamp window, nonce replay, STS tokens, signature.</summary>
public class EmulatorAuthenticationTests : HandlerEmulatorTest
{
    [Theory]
    [InlineData(-14)]
    [InlineData(14)]
    public async Task Timestamp_within_fifteen_minutes_is_accepted(int minutes)
    {
        var stampedOff = new RawRequest(Now.AddMinutes(minutes)); // the emulator's clock stays at Now

        Assert.Null(await CodeOfAsync(stampedOff));
    }

    [Theory]
    [InlineData(-16)]
    [InlineData(16)]
    public async Task Timestamp_more_than_fifteen_minutes_off_is_InvalidTimeStamp_Expired(int minutes)
    {
        var stampedOff = new RawRequest(Now.AddMinutes(minutes)); // the emulator's clock stays at Now

        Assert.Equal("InvalidTimeStamp.Expired", await CodeOfAsync(stampedOff));
    }

    [Theory]
    [InlineData("2025-03-14 09:26:53")]
    [InlineData("2025-03-14T09:26:53.123Z")]
    [InlineData("yesterday")]
    public async Task Malformed_timestamp_is_InvalidTimeStamp_Format(string timestamp)
    {
        Assert.Equal("InvalidTimeStamp.Format", await CodeOfAsync(Request().With("Timestamp", timestamp)));
    }

    [Fact]
    public async Task Nonce_seen_before_is_SignatureNonceUsed()
    {
        await CodeOfAsync(Request().With("SignatureNonce", "once"));

        Assert.Equal("SignatureNonceUsed", await CodeOfAsync(Request().With("SignatureNonce", "once")));
    }

    [Fact]
    public async Task Nonce_of_a_badly_signed_request_is_not_burned()
    {
        var forged = Request().With("SignatureNonce", "precious");
        forged.Secret = "guess";
        await CodeOfAsync(forged);

        Assert.Null(await CodeOfAsync(Request().With("SignatureNonce", "precious")));
    }

    [Fact]
    public async Task Signature_mismatch_quotes_the_servers_string_to_sign()
    {
        var request = Request();
        request.Secret = "wrong";

        var (status, body) = await SendAsync(request);

        Assert.Equal(400, status);
        using var document = JsonDocument.Parse(body);
        string message = document.RootElement.GetProperty("Message").GetString()!;
        Assert.StartsWith("Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dtestid%26", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_sts_token_is_InvalidSecurityToken_Expired()
    {
        Emulator.Credentials.AddStsToken("STS.id", "stssecret", "token", expiration: Now.AddMinutes(-1));
        var request = Request().With("AccessKeyId", "STS.id").With("SecurityToken", "token");
        request.Secret = "stssecret";

        Assert.Equal("InvalidSecurityToken.Expired", await CodeOfAsync(request));
    }

    [Fact]
    public async Task Token_sent_with_a_permanent_key_is_rejected()
    {
        Assert.Equal("InvalidSecurityToken.MismatchWithAccessKey", await CodeOfAsync(Request().With("SecurityToken", "stray")));
    }

    [Fact]
    public async Task Removed_access_key_is_InvalidAccessKeyId_NotFound()
    {
        Emulator.Credentials.Remove("testid");

        Assert.Equal("InvalidAccessKeyId.NotFound", await CodeOfAsync(Request()));
    }
}
