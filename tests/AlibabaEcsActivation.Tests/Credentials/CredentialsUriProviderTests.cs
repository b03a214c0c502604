using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.Credentials;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Credentials;

public sealed class CredentialsUriProviderTests : IDisposable
{
    private const string Uri = "http://127.0.0.1:9011/credentials?token=Query-Token-Do-Not-Print";
    private readonly CredentialsTestBed _bed = new();

    public CredentialsUriProviderTests() => _bed.Environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = Uri;

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Reads_the_credentials_from_the_URI_in_the_environment()
    {
        _bed.Http.When(HttpMethod.Get, Uri).Respond("application/json", CredentialsTestBed.SessionJson("STS.uri", code: null));

        var credentials = await new CredentialsUriProvider(_bed.Context).GetCredentialsAsync();

        Assert.Equal("STS.uri", credentials.AccessKeyId);
        Assert.Equal(CredentialsTestBed.Token, credentials.SecurityToken);
        Assert.Equal("credential_uri", credentials.ProviderName);
    }

    [Fact]
    public async Task A_status_other_than_200_is_an_error_without_the_query_string()
    {
        _bed.Http.When(HttpMethod.Get, Uri).Respond(HttpStatusCode.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new CredentialsUriProvider(_bed.Context).GetCredentialsAsync().AsTask());

        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:9011/credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Query-Token", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_field_is_named()
    {
        _bed.Http.When(HttpMethod.Get, Uri).Respond("application/json", "{\"AccessKeyId\":\"STS.x\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\"}");

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new CredentialsUriProvider(_bed.Context).GetCredentialsAsync().AsTask());

        Assert.Contains("no Expiration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_URI_the_error_names_the_variable()
    {
        _bed.Environment.Remove("ALIBABA_CLOUD_CREDENTIALS_URI");

        var error = await Assert.ThrowsAsync<EcsCredentialsException>(() => new CredentialsUriProvider(_bed.Context).GetCredentialsAsync().AsTask());

        Assert.Contains("ALIBABA_CLOUD_CREDENTIALS_URI is not set", error.Message, StringComparison.Ordinal);
    }
}
