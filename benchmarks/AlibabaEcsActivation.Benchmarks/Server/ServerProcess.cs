using System;
using System.Diagnostics;
using System.IO;

namespace AlibabaEcsActivation.Benchmarks.Server;

/// <summary>Starts this program with <c>serve</c> as a child process and reads the URL it listens on.</summary>
internal sealed class ServerProcess : IDisposable
{
    /// <summary>Set by the BenchmarkDotNet host so the benchmark processes it spawns share one server.</summary>
    public const string UrlVariable = "ECS_BENCH_SERVER_URL";

    private readonly Process _process;

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>E.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Url { get; }

    /// <summary>The server's CPU time so far, all threads.</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static ServerProcess Start()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which executable is running.");
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Run as `dotnet <dll> serve` when hosted by the muxer, else as `<apphost> serve`.
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        start.ArgumentList.Add("serve");
        Process process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        string? line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith(LoopbackServer.ReadyPrefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The server process did not report its address (got '{line}').");
        }

        return new ServerProcess(process, line.Substring(LoopbackServer.ReadyPrefix.Length).Trim());
    }

    public void Dispose()
    {
        _process.StandardInput.Close(); // the server stops when its stdin closes
        if (!_process.WaitForExit(5000))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
