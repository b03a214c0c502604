using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Audit;
using AlibabaEcsActivation.Cli.Hosting;
using AlibabaEcsActivation.Cli.Options;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Testing;

namespace AlibabaEcsActivation.Cli.Connection;

/// <summary>
/// What a command calls the API through: the client (on Alibaba Cloud, or on the in-process emulator with
/// <c>--emulator</c>, never one without the other being asked for), its region and the audit log.
/// </summary>
internal sealed class ClientSession : IDisposable
{
    private readonly HttpClient? _emulatorHttp;

    private ClientSession(IEcsActivationClient client, string region, AuditLog audit, EcsEmulator? emulator, HttpClient? emulatorHttp)
    {
        Client = client;
        Region = region;
        Audit = audit;
        Emulator = emulator;
        _emulatorHttp = emulatorHttp;
    }

    public IEcsActivationClient Client { get; }

    public string Region { get; }

    public AuditLog Audit { get; }

    /// <summary>The in-process emulator of <c>--emulator</c>; null on Alibaba Cloud (or another <c>--endpoint</c>).</summary>
    public EcsEmulator? Emulator { get; }

    /// <summary>
    /// Opens the session, or prints why not on stderr and returns null (exit 2): <c>--region</c> missing, an
    /// audit log that cannot be opened, no credentials (the sources tried are listed), invalid settings.
    /// Nothing is sent to the API before it returns.
    /// </summary>
    public static async Task<ClientSession?> OpenAsync(CliHost host, GlobalSettings settings, CancellationToken cancellationToken)
    {
        if (settings.UseEmulator && (settings.Endpoint is not null || settings.Profile is not null))
        {
            host.Error.WriteLine("--emulator runs against the in-process emulator: it takes neither --endpoint nor --profile.");
            return null;
        }

        // Disabling cannot be undone: on Alibaba Cloud the region is always named, never a default.
        if (!settings.UseEmulator && settings.Region is null)
        {
            host.Error.WriteLine("--region is required (e.g. --region cn-hangzhou): the tool acts in the region you name, never in a default one.");
            host.Error.WriteLine("To try the tool without an account, add --emulator: it runs against an in-process emulator.");
            return null;
        }

        AuditLog audit;
        try
        {
            audit = settings.AuditLogPath is null ? AuditLog.None : AuditLog.Open(settings.AuditLogPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            host.Error.WriteLine($"--audit-log: cannot append to '{settings.AuditLogPath}': {e.Message}");
            return null;
        }

        ClientSession? session = null;
        try
        {
            session = settings.UseEmulator ? OpenEmulator(host, settings, audit) : await OpenCloudAsync(host, settings, audit, cancellationToken).ConfigureAwait(false);
            return session;
        }
        finally
        {
            if (session is null)
            {
                audit.Dispose();
            }
        }
    }

    public void Dispose()
    {
        (Client as IDisposable)?.Dispose();
        _emulatorHttp?.Dispose();
        Audit.Dispose();
    }

    private static ClientSession? OpenEmulator(CliHost host, GlobalSettings settings, AuditLog audit)
    {
        EcsEmulator emulator = DemoEmulator.Create();
        var http = new HttpClient(emulator.CreateHandler());
        string region = settings.Region ?? DemoEmulator.Region;
        host.Error.WriteLine($"--emulator: an in-process emulator with example codes in {DemoEmulator.Region}; nothing is sent to Alibaba Cloud.");
        EcsActivationClient? client = CreateClient(host, settings, new EcsActivationClientOptions
        {
            RegionId = region,
            Endpoint = "http://127.0.0.1/",
            AccessKeyId = EcsEmulator.DefaultAccessKeyId,
            AccessKeySecret = EcsEmulator.DefaultAccessKeySecret,
        }, http);
        if (client is null)
        {
            http.Dispose();
            return null;
        }

        return new ClientSession(client, region, audit, emulator, http);
    }

    private static async Task<ClientSession?> OpenCloudAsync(CliHost host, GlobalSettings settings, AuditLog audit, CancellationToken cancellationToken)
    {
        var (provider, failure) = await CredentialsResolver.ResolveAsync(host, settings.Profile, cancellationToken).ConfigureAwait(false);
        if (provider is null)
        {
            // Never a silent fallback to the emulator: a real incident must not "succeed" against a fake.
            host.Error.WriteLine(failure);
            host.Error.WriteLine("Nothing was sent. (To try the tool without credentials, add --emulator.)");
            return null;
        }

        EcsActivationClient? client = CreateClient(host, settings, new EcsActivationClientOptions
        {
            RegionId = settings.Region,
            Endpoint = settings.Endpoint,
            CredentialsProvider = provider,
        }, httpClient: null);
        return client is null ? null : new ClientSession(client, settings.Region!, audit, emulator: null, emulatorHttp: null);
    }

    /// <summary>The client with the common settings; null (the reason printed) when they are invalid.</summary>
    private static EcsActivationClient? CreateClient(CliHost host, GlobalSettings settings, EcsActivationClientOptions options, HttpClient? httpClient)
    {
        options.SignatureAlgorithm = settings.SignatureAlgorithm ?? EcsSignatureAlgorithm.HmacSha1;
        if (settings.Timeout is TimeSpan timeout)
        {
            options.Timeout = timeout;
            options.AttemptTimeout = timeout < options.AttemptTimeout ? timeout : options.AttemptTimeout;
        }

        try
        {
            return new EcsActivationClient(options, httpClient);
        }
        catch (ArgumentException e)
        {
            host.Error.WriteLine(e.Message);
            return null;
        }
    }
}
