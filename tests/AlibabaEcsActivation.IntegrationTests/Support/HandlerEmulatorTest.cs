using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AlibabaEcsActivation.IntegrationTests.Support;

/// <summary>Base of the emulator's own tests: an emulator on a fake clock that moves only when the test moves it, reached through the in-process handler.</summary>
public abstract class HandlerEmulatorTest : IDisposable
{
    protected static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    protected HandlerEmulatorTest()
    {
        Clock = new FakeTimeProvider(Now);
        Emulator = new EcsEmulator(new EcsEmulatorOptions { TimeProvider = Clock });
        Http = new HttpClient(Emulator.CreateHandler());
    }

    internal FakeTimeProvider Clock { get; }

    protected EcsEmulator Emulator { get; }

    protected HttpClient Http { get; }

    internal static RawRequest Request() => new(Now);

    internal async Task<(int Status, string Body)> SendAsync(RawRequest request)
    {
        using HttpResponseMessage response = await Http.SendAsync(request.Build());
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends and returns the JSON error code, or null for a success.</summary>
    internal async Task<string?> CodeOfAsync(RawRequest request)
    {
        var (status, body) = await SendAsync(request);
        if (status == 200)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("Code").GetString();
    }

    public void Dispose()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
    }
}
