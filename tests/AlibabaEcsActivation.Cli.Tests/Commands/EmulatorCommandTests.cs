using System;
using System.Linq;
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
        using var interrupt = new CancellationTokenSource();
        (Task<CliResult> run, string first) = await StartAsync(interrupt.Token, "--port", "0", "--quiet");

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

    [Fact]
    public async Task Flow_control_limit_answers_Throttling_User_beyond_the_rate_it_allows()
    {
        using var interrupt = new CancellationTokenSource();
        (Task<CliResult> run, string first) = await StartAsync(interrupt.Token, "--flow-control-limit", "1", "--quiet");
        string endpoint = Regex.Match(first, @"http://\S+").Value;
        using var client = new EcsActivationClient(new EcsActivationClientOptions
        {
            RegionId = "cn-hangzhou",
            Endpoint = endpoint,
            AccessKeyId = Testing.EcsEmulator.DefaultAccessKeyId,
            AccessKeySecret = Testing.EcsEmulator.DefaultAccessKeySecret,
            MaxRetries = 0,
        });

        // One request a second is allowed: of ten sent back to back, all but the first few are refused.
        int throttled = 0;
        for (int i = 0; i < 10; i++)
        {
            try
            {
                await client.DisableActivationAsync("4ECEEE12-56F1-4FBC-9AB1-890F1234****");
            }
            catch (ThrottlingException e)
            {
                Assert.Equal("Throttling.User", e.ErrorCode);
                throttled++;
            }
        }

        interrupt.Cancel();
        Assert.Equal(0, (await run.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode);
        Assert.InRange(throttled, 1, 9);
    }

    [Theory]
    [InlineData("--flow-control-limit", "0")]
    [InlineData("--latency", "-1")]
    [InlineData("--latency", "soon")]
    public async Task A_flow_control_limit_or_latency_that_is_not_one_is_a_usage_error(string option, string value)
    {
        CliResult result = await _cli.RunAsync(new[] { "emulator", option, value }, CancellationToken.None);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error);
        Assert.DoesNotContain("Listening on", result.Out);
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>Starts <c>emulator</c> with <paramref name="options"/> and waits for its first line.</summary>
    private async Task<(Task<CliResult> Run, string FirstLine)> StartAsync(CancellationToken interrupt, params string[] options)
    {
        var output = new LineSignallingWriter();
        _cli.Out = output;
        Task<CliResult> run = _cli.RunAsync(new[] { "emulator" }.Concat(options).ToArray(), interrupt);
        return (run, await output.FirstLine.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
