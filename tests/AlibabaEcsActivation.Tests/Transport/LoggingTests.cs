using System.Linq;
using System.Net;
using System.Threading.Tasks;
using AlibabaEcsActivation.Diagnostics;
using AlibabaEcsActivation.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

public class LoggingTests
{
    // The client's log events (Diagnostics/Log.cs): ids are part of what operators filter on.
    private const int AttemptCompleted = 1;
    private const int AttemptFailed = 2;
    private const int Retrying = 3;

    private readonly FakeLogCollector _logs = new();

    private ILoggerFactory Logging() =>
        LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));

    [Fact]
    public async Task Logs_one_line_per_attempt_with_action_region_attempt_status_code_and_request_id()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("*").Respond(_ => ApiResponses.Json(HttpStatusCode.InternalServerError, ApiResponses.Error("InternalError.Dispatch", "x", "REQ-FIRST")));
        mock.Expect("*").Respond(_ =>
        {
            var ok = ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped);
            ok.Headers.Add("x-acs-request-id", "REQ-SECOND");
            return ok;
        });
        using var logging = Logging();
        using var client = ClientFactory.Create(mock, loggerFactory: logging);

        await client.DisableActivationAsync("id-1");

        var records = _logs.GetSnapshot();
        Assert.All(records, r => Assert.Equal(EcsActivationDiagnostics.LoggerCategory, r.Category));
        var attempts = records.Where(r => r.Id.Id == AttemptCompleted).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, r => Assert.Equal(LogLevel.Information, r.Level));
        Assert.Contains("DisableActivation in cn-hangzhou: attempt 1 answered HTTP 500 InternalError.Dispatch (RequestId REQ-FIRST)", attempts[0].Message);
        Assert.Contains("attempt 2 answered HTTP 200", attempts[1].Message);
        Assert.Contains("REQ-SECOND", attempts[1].Message);
        Assert.Equal("REQ-SECOND", attempts[1].GetStructuredStateValue("RequestId"));
        var retry = Assert.Single(records, r => r.Id.Id == Retrying);
        Assert.Equal(LogLevel.Information, retry.Level);
        Assert.Contains("retrying in", retry.Message);
    }

    [Fact]
    public async Task Failed_attempt_logs_the_error_kind_and_never_the_url()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Throw(new System.Net.Http.HttpRequestException("Connection refused"));
        using var logging = Logging();
        using var client = ClientFactory.Create(mock, o => o.MaxRetries = 0, logging);

        await Assert.ThrowsAsync<EcsConnectionException>(() => client.DisableActivationAsync("id-1"));

        FakeLogRecord record = Assert.Single(_logs.GetSnapshot());
        Assert.Equal(AttemptFailed, record.Id.Id);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains("HttpRequestException", record.Message);
        string line = record.AllText();
        Assert.DoesNotContain("Signature", line);
        Assert.DoesNotContain("AccessKeyId", line);
    }
}
