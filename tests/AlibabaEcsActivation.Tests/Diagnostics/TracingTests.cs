using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using AlibabaEcsActivation.Diagnostics;
using AlibabaEcsActivation.Tests.Infrastructure;
using RichardSzalay.MockHttp;
using Xunit;

namespace AlibabaEcsActivation.Tests.Diagnostics;

/// <summary>
/// The client span of each call (README, "Traces"), read with an ActivityListener. Each test runs its call
/// under a parent activity of its own and keeps only that trace's spans, since other tests run alongside.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly Activity _parent = new("test");

    public TracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EcsActivationDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        _parent.SetIdFormat(ActivityIdFormat.W3C);
        _parent.Start();
    }

    public void Dispose()
    {
        _parent.Stop();
        _listener.Dispose();
    }

    private Activity OnlySpan() => Assert.Single(_stopped, a => a.TraceId == _parent.TraceId);

    [Fact]
    public async Task A_call_is_one_client_span_named_service_slash_method_with_the_rpc_tags()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK, ApiResponses.DisableSuccessTyped));
        using var client = ClientFactory.Create(mock);

        await client.DisableActivationAsync("id-1");

        Activity span = OnlySpan();
        Assert.Equal("Ecs/DisableActivation", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(_parent.SpanId, span.ParentSpanId);
        Assert.Equal("alibaba_cloud_rpc", span.GetTagItem("rpc.system"));
        Assert.Equal("Ecs", span.GetTagItem("rpc.service"));
        Assert.Equal("DisableActivation", span.GetTagItem("rpc.method"));
        Assert.Equal("cn-hangzhou", span.GetTagItem("cloud.region"));
        Assert.Equal("ecs-cn-hangzhou.aliyuncs.com", span.GetTagItem("server.address"));
        Assert.Equal(443, span.GetTagItem("server.port"));
        Assert.Equal(1, span.GetTagItem("ecs.attempts"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_failed_call_sets_the_error_status_error_type_and_attempts()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Throw(new HttpRequestException("Connection refused"));
        using var client = ClientFactory.Create(mock, o => o.MaxRetries = 2);

        await Assert.ThrowsAsync<EcsConnectionException>(() => client.DescribeActivationsAsync(new DescribeActivationsRequest()));

        Activity span = OnlySpan();
        Assert.Equal("Ecs/DescribeActivations", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("EcsConnectionException", span.GetTagItem("error.type"));
        Assert.Equal(3, span.GetTagItem("ecs.attempts"));
    }

    [Fact]
    public async Task No_tag_carries_the_url_query_signature_or_activation_code()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => ApiResponses.Json(HttpStatusCode.OK,
            """{"RequestId":"r-1","ActivationId":"act-1","ActivationCode":"a-SECRET+CODE"}"""));
        using var client = ClientFactory.Create(mock);

        await client.CreateActivationAsync(new CreateActivationRequest());

        Activity span = OnlySpan();
        string tags = string.Join(";", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
        Assert.DoesNotContain("SECRET", tags, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature", tags, StringComparison.Ordinal);
        Assert.DoesNotContain("AccessKeyId", tags, StringComparison.Ordinal);
        Assert.DoesNotContain("?", tags, StringComparison.Ordinal);
    }
}
