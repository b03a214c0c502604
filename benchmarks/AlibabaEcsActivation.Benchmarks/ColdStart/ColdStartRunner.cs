using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using AlibabaEcsActivation.Benchmarks.Server;

namespace AlibabaEcsActivation.Benchmarks.ColdStart;

/// <summary>
/// <c>coldstart [runs] [command [args...]]</c>: whole-process wall time of a one-shot disable against the
/// loopback server, beside <c>curl</c> posting one request of the same size to the same server. The
/// command defaults to the installed tool, <c>ecs-activation disable ID --region cn-hangzhou --endpoint {endpoint}</c>;
/// <c>{endpoint}</c> in any argument becomes the server's URL. Runs alternate between the two, after a
/// warm-up of each (page cache, server JIT), and the medians are compared.
/// </summary>
internal static class ColdStartRunner
{
    private const int DefaultRuns = 15;

    /// <summary>The documented example's ID: the loopback server answers every call with that code.</summary>
    private const string ActivationId = "4ECEEE12-56F1-4FBC-9AB1-890F1234****";

    public static int Run(string[] args)
    {
        int runs = DefaultRuns;
        bool runsGiven = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out runs) && runs > 0;
        runs = runsGiven ? runs : DefaultRuns;
        string[] command = args.Skip(runsGiven ? 2 : 1).ToArray();
        if (command.Length == 0)
        {
            command = ["ecs-activation", "disable", ActivationId, "--region", "cn-hangzhou", "--endpoint", "{endpoint}"];
        }

        using ServerProcess server = ServerProcess.Start();
        string endpoint = server.Url + "/";
        string home = Directory.CreateTempSubdirectory("ecs-coldstart-").FullName;
        try
        {
            ProcessStartInfo tool = Tool(command, endpoint, home);
            ProcessStartInfo curl = Curl(endpoint);
            Console.WriteLine($"cold start: `{string.Join(' ', tool.ArgumentList.Prepend(tool.FileName))}` vs `curl` posting one request, {runs} runs each, against {server.Url}");

            for (int i = 0; i < 2; i++)
            {
                Time(curl);
                Time(tool);
            }

            var curlTimes = new List<double>(runs);
            var toolTimes = new List<double>(runs);
            for (int i = 0; i < runs; i++)
            {
                curlTimes.Add(Time(curl));
                toolTimes.Add(Time(tool));
            }

            double curlMedian = Median(curlTimes), toolMedian = Median(toolTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  curl: median {curlMedian:F1} ms (min {curlTimes.Min():F1}, max {curlTimes.Max():F1})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  tool: median {toolMedian:F1} ms (min {toolTimes.Min():F1}, max {toolTimes.Max():F1})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  tool / curl: {toolMedian / curlMedian:F2}x (target <= 2x)"));
            return 0;
        }
        catch (ColdStartException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>The tool as an on-call engineer runs it: a fresh HOME, credentials from the environment, no metadata probe.</summary>
    private static ProcessStartInfo Tool(string[] command, string endpoint, string home)
    {
        var start = Quiet(command[0]);
        foreach (string arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg.Replace("{endpoint}", endpoint, StringComparison.Ordinal));
        }

        start.Environment["HOME"] = home;
        start.Environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";
        start.Environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI-coldstart";
        start.Environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "coldstart-secret";
        return start;
    }

    /// <summary>One POST of a DisableActivation form the size of the real one (the server answers any request).</summary>
    private static ProcessStartInfo Curl(string endpoint)
    {
        string form = "AccessKeyId=LTAI-coldstart&Action=DisableActivation&ActivationId=4ECEEE12-56F1-4FBC-9AB1-890F1234%2A%2A%2A%2A" +
            "&Format=JSON&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=6a1f0e3c9b2d4e5f8a7b6c5d4e3f2a1b" +
            "&SignatureVersion=1.0&Timestamp=2026-12-03T15%3A00%3A00Z&Version=2014-05-26&Signature=q3Zl0uG5Zk9x8a1b2c3d4e5f6g7%3D";
        ProcessStartInfo start = Quiet("curl");
        foreach (string arg in new[] { "-sS", "-o", "/dev/null", "-X", "POST", "-H", "Content-Type: application/x-www-form-urlencoded", "--data", form, endpoint })
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static ProcessStartInfo Quiet(string fileName) => new(fileName)
    {
        UseShellExecute = false,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };

    /// <summary>Milliseconds from start to exit; a run that fails is an error, not a sample.</summary>
    private static double Time(ProcessStartInfo start)
    {
        var clock = Stopwatch.StartNew();
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ColdStartException($"{start.FileName} did not start ({e.Message}): install the tool (README, \"In an incident\") or pass the command to time.");
        }

        using Process process = started ?? throw new ColdStartException($"{start.FileName} did not start.");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        double ms = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new ColdStartException($"{start.FileName} exited {process.ExitCode}:{Environment.NewLine}{output}{error}");
        }

        return ms;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private sealed class ColdStartException(string message) : Exception(message);
}
