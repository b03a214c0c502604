using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Cli.Tests.Support;
using Xunit;

namespace AlibabaEcsActivation.Cli.Tests.Commands;

public sealed class EmulatorCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Prints_the_listening_line_first_answers_there_and_stops_with_0_on_Ctrl_C()
    {
        var output = new LineSignallingWriter();
        _cli.Out = output;
        using var interrupt = new CancellationTokenSource();

        Task<CliResult> run = _cli.RunAsync(new[] { "emulator", "--port", "0", "--quiet" }, interrupt.Token);
        string first = await output.FirstLine.WaitAsync(TimeSpan.FromSeconds(30));

        Match listening = Regex.Match(first, @"^Listening on (http://127\.0\.0\.1:\d+)$");
        Assert.True(listening.Success, first);
        using var http = new HttpClient();
        // Any answer proves it accepts requests; an unsigned one gets the documented MissingAccessKeyId.
        using HttpResponseMessage answer = await http.GetAsync(new Uri(listening.Groups[1].Value + "/?Format=JSON"));
        Assert.Contains("MissingAccessKeyId", await answer.Content.ReadAsStringAsync());

        interrupt.Cancel();
        CliResult result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Stopped.", result.OutLines);
        Assert.Contains("4ECEEE12-56F1-4FBC-9AB1-890F1234****", result.Out);
    }

    public void Dispose() => _cli.Dispose();
}
