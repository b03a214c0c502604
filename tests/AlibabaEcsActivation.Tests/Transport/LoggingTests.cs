using System.Linq;
using System.Net;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

public class LoggingTests
{
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
        var logs = new CapturingLoggerProvider();
        using var client = ClientFactory.Create(mock, loggerFactory: logs);

        await client.DisableActivationAsync("id-1");

        var attempts = logs.Lines.Where(l => l.Contains("attempt", System.StringComparison.Ordinal) && l.Contains("answered", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Contains("DisableActivation in cn-hangzhou: attempt 1 answered HTTP 500 InternalError.Dispatch (RequestId REQ-FIRST)", attempts[0]);
        Assert.Contains("attempt 2 answered HTTP 200", attempts[1]);
        Assert.Contains("REQ-SECOND", attempts[1]);
        Assert.Contains(logs.Lines, l => l.Contains("retrying in", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failed_attempt_logs_the_error_kind_and_never_the_url()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Throw(new System.Net.Http.HttpRequestException("Connection refused"));
        var logs = new CapturingLoggerProvider();
        using var client = ClientFactory.Create(mock, o => o.MaxRetries = 0, logs);

        await Assert.ThrowsAsync<EcsConnectionException>(() => client.DisableActivationAsync("id-1"));

        string line = Assert.Single(logs.Lines);
        Assert.Contains("HttpRequestException", line);
        Assert.DoesNotContain("Signature", line);
        Assert.DoesNotContain("AccessKeyId", line);
    }
}
