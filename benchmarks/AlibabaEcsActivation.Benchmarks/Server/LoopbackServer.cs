using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AlibabaEcsActivation.Benchmarks.Server;

/// <summary>
/// The smallest honest stand-in for the service: Kestrel on 127.0.0.1, answering every request with
/// the documented DisableActivation body. It runs in its own process (see <see cref="ServerProcess"/>)
/// so its allocations and JIT never count against the client being measured.
/// </summary>
internal static class LoopbackServer
{
    public const string ReadyPrefix = "LISTENING ";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(ApiResponses.DisableSuccessTyped);

    /// <summary>Serves until standard input closes (the parent exits or disposes its handle).</summary>
    public static async Task<int> ServeUntilStdinClosesAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using WebApplication app = builder.Build();
        app.Run(static context =>
        {
            context.Response.ContentType = "application/json;charset=utf-8";
            context.Response.ContentLength = Body.Length;
            return context.Response.Body.WriteAsync(Body).AsTask();
        });

        await app.StartAsync();
        string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine(ReadyPrefix + url);
        Console.Out.Flush();

        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
        return 0;
    }
}
