using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RichardSzalay.MockHttp;

namespace AlibabaEcsActivation.Tests.Lifecycle;

/// <summary>
/// A scripted ECS endpoint on MockHttp: records the decoded query parameters of every attempt and
/// answers with whatever the test's responder returns. Safe for concurrent calls (bulk disable).
/// </summary>
internal sealed class FakeEcsService : IDisposable
{
    private readonly MockHttpMessageHandler _handler = new();
    private readonly List<IReadOnlyDictionary<string, string>> _requests = new();

    public FakeEcsService(Func<IReadOnlyDictionary<string, string>, HttpResponseMessage> respond)
        : this(p => Task.FromResult(respond(p)))
    {
    }

    public FakeEcsService(Func<IReadOnlyDictionary<string, string>, Task<HttpResponseMessage>> respond)
    {
        _handler.When("*").Respond(request =>
        {
            var parameters = ParseQuery(request.RequestUri!);
            lock (_requests)
            {
                _requests.Add(parameters);
            }

            return respond(parameters);
        });
    }

    /// <summary>Every attempt's parameters, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> RequestsFor(string action) =>
        Requests.Where(r => r["Action"] == action).ToList();

    /// <summary>A client with fast retries (1 ms base, 5 ms cap) so retry tests stay quick.</summary>
    public EcsActivationClient CreateClient(int maxRetries = 3) => new(
        new EcsActivationClientOptions
        {
            RegionId = "cn-hangzhou",
            AccessKeyId = "testid",
            AccessKeySecret = "testsecret",
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        },
        _handler.ToHttpClient());

    /// <summary>A responder that gives the answers in order, the last one from then on.</summary>
    public static Func<IReadOnlyDictionary<string, string>, HttpResponseMessage> Script(params Func<HttpResponseMessage>[] answers)
    {
        int next = -1;
        return _ => answers[Math.Min(Interlocked.Increment(ref next), answers.Length - 1)]();
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string message = "error") =>
        Json($$"""{"RequestId":"req-{{code}}","HostId":"ecs.cn-hangzhou.aliyuncs.com","Code":"{{code}}","Message":"{{message}}"}""", status);

    /// <summary>The documented DisableActivation/DeleteActivation body for one code.</summary>
    public static HttpResponseMessage ActivationBody(string activationId, bool disabled = true) =>
        Json($$$"""{"RequestId":"req-{{{activationId}}}","Activation":{"ActivationId":"{{{activationId}}}","CreationTime":"2021-01-20T06:00:00Z","DeregisteredCount":0,"Description":"d","Disabled":{{{(disabled ? "true" : "false")}}},"InstanceCount":10,"InstanceName":"web","IpAddressRange":"0.0.0.0/0","RegisteredCount":0,"TimeToLiveInHours":4}}""");

    /// <summary>A DescribeActivations page in token mode.</summary>
    public static HttpResponseMessage Page(string? nextToken, params (string Id, bool Disabled)[] activations)
    {
        string items = string.Join(",", activations.Select(a =>
            $$"""{"ActivationId":"{{a.Id}}","CreationTime":"2021-01-20T06:00:00Z","Disabled":{{(a.Disabled ? "true" : "false")}},"InstanceCount":10,"InstanceName":"web","RegisteredCount":0,"TimeToLiveInHours":4,"Tags":[]}"""));
        string token = nextToken is null ? "null" : $"\"{nextToken}\"";
        return Json($$"""{"RequestId":"req-page","NextToken":{{token}},"ActivationList":[{{items}}]}""");
    }

    public void Dispose() => _handler.Dispose();

    private static Dictionary<string, string> ParseQuery(Uri uri)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            string name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            string value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            result[name] = value;
        }

        return result;
    }
}
