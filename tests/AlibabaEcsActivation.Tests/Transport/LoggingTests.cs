using System.Linq;
using System.Net;
using System.Threading;
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
    // The client's log events (Diagnostics/Log.cs, README "Logs"): ids and levels are what operators filter on.
    private const int AttemptSucceeded = 1;
    private const int CallFailed = 2;
    private const int Retrying = 3;
    private const int CallCancelled = 4;

    private readonly FakeLogCollector _logs = new();

    private ILoggerFactory Logging() =>
        LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));

    [Fact]
    public async Task A_retried_attempt_logs_at_Information_and_the_successful_one_at_Debug()
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
        Assert.Equal([Retrying, AttemptSucceeded], records.Select(r => r.Id.Id));

        FakeLogRecord retry = records[0];
        Assert.Equal(LogLevel.Information, retry.Level);
        Assert.StartsWith("DisableActivation in cn-hangzhou: attempt 1 failed with InternalError.Dispatch (HTTP 500, RequestId REQ-FIRST); retrying in ", retry.Message);
        Assert.EndsWith("(retry 1 of 3)", retry.Message);
        Assert.Equal("InternalError.Dispatch", retry.GetStructuredStateValue("ErrorType"));

        FakeLogRecord success = records[1];
        Assert.Equal(LogLevel.Debug, success.Level);
        Assert.StartsWith("DisableActivation in cn-hangzhou: attempt 2 succeeded with HTTP 200 (RequestId REQ-SECOND)", success.Message);
        Assert.Equal("REQ-SECOND", success.GetStructuredStateValue("RequestId"));
    }

    [Fact]
    public async Task The_failure_that_ends_a_call_logs_at_Warning_with_its_attempts_and_never_the_url()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Throw(new System.Net.Http.HttpRequestException("Connection refused"));
        using var logging = Logging();
        using var client = ClientFactory.Create(mock, o => o.MaxRetries = 1, logging);

        await Assert.ThrowsAsync<EcsConnectionException>(() => client.DisableActivationAsync("id-1"));

        var records = _logs.GetSnapshot();
        Assert.Equal([Retrying, CallFailed], records.Select(r => r.Id.Id));
        Assert.Contains("attempt 1 failed with HttpRequestException (HTTP 0, RequestId -)", records[0].Message);
        FakeLogRecord failure = records[1];
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.StartsWith("DisableActivation in cn-hangzhou failed after 2 attempt(s) in ", failure.Message);
        Assert.EndsWith(": EcsConnectionException (HTTP 0, RequestId -)", failure.Message);
        foreach (string line in records.Select(r => r.AllText()))
        {
            Assert.DoesNotContain("Signature", line);
            Assert.DoesNotContain("AccessKeyId", line);
            Assert.DoesNotContain("aliyuncs.com", line);
        }
    }

    [Fact]
    public async Task A_service_error_that_ends_the_call_logs_its_status_code_and_request_id_at_Warning()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.NotFound, ApiResponses.Error("ActivationId.NotFound", "gone", "REQ-404")));
        using var logging = Logging();
        using var client = ClientFactory.Create(mock, loggerFactory: logging);

        await Assert.ThrowsAsync<ActivationNotFoundException>(() => client.DeleteActivationAsync("id-1"));

        FakeLogRecord failure = Assert.Single(_logs.GetSnapshot());
        Assert.Equal(CallFailed, failure.Id.Id);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Matches(@"^DeleteActivation in cn-hangzhou failed after 1 attempt\(s\) in \d+ ms: ActivationId\.NotFound \(HTTP 404, RequestId REQ-404\)$", failure.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_logs_at_Debug_not_as_a_failure()
    {
        using var cts = new CancellationTokenSource();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(() =>
        {
            cts.Cancel();
            cts.Token.ThrowIfCancellationRequested();
            return Task.FromResult(ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        });
        using var logging = Logging();
        using var client = ClientFactory.Create(mock, loggerFactory: logging);

        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => client.DisableActivationAsync("id-1", cts.Token));

        FakeLogRecord record = Assert.Single(_logs.GetSnapshot());
        Assert.Equal(CallCancelled, record.Id.Id);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Equal("DisableActivation in cn-hangzhou was cancelled by the caller after 1 attempt(s)", record.Message);
    }
}
