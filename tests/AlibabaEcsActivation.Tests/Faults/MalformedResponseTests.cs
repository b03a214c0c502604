using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Tests.Lifecycle;
using Xunit;

namespace AlibabaEcsActivation.Tests.Faults;

/// <summary>
/// Whatever the status, headers, body bytes or stream do, a call ends in a result without nulls or in
/// an <see cref="EcsException"/>; the readers refuse bad input at its source.
/// </summary>
public class MalformedResponseTests
{
    [Theory]
    [InlineData("""{"":"\ud800"}""")]
    [InlineData("""{"\ud800":"x","Code":"InternalError.Dispatch"}""")]
    [InlineData("""{"Code":"InternalError","Message":"\udc00 broken"}""")]
    public async Task Error_body_with_invalid_UTF16_is_a_service_error_and_a_5xx_is_retried(string body)
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(body, HttpStatusCode.InternalServerError));
        using var client = ecs.CreateClient();

        var e = await Assert.ThrowsAnyAsync<EcsServiceException>(() => client.DisableActivationAsync("act-1"));

        Assert.Equal((500, 4), (e.StatusCode, e.Attempts));
        Assert.Equal(4, ecs.Requests.Count);
    }

    [Fact]
    public async Task Error_body_keeps_the_readable_fields_beside_an_unreadable_one()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json("""{"Message":"\ud800","Code":"Operation.Forbidden","RequestId":"REQ-9"}""", HttpStatusCode.Forbidden));
        using var client = ecs.CreateClient();

        var e = await Assert.ThrowsAsync<OperationForbiddenException>(() => client.DisableActivationAsync("act-1"));

        Assert.Equal("REQ-9", e.RequestId);
    }

    [Theory]
    [InlineData("x-acs-retry-after", "922337203685478")]
    [InlineData("x-acs-retry-after", "1e300")]
    [InlineData("x-acs-retry-after", "-5")]
    [InlineData("x-acs-retry-after", "soon")]
    [InlineData("Retry-After", "99999999999999999999")]
    [InlineData("Retry-After", "-1")]
    [InlineData("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")]
    public async Task Absurd_retry_after_hints_are_ignored(string header, string value)
    {
        using var ecs = new FakeEcsService(_ =>
        {
            var response = FakeEcsService.Error(HttpStatusCode.BadRequest, "Throttling.User");
            response.Headers.TryAddWithoutValidation(header, value);
            return response;
        });
        using var client = ecs.CreateClient(maxRetries: 1);

        var e = await Assert.ThrowsAsync<ThrottlingException>(() => client.DisableActivationAsync("act-1"));

        Assert.Null(e.RetryAfter);
        Assert.Equal(2, e.Attempts);
    }

    [Theory]
    [InlineData("x-acs-retry-after", "2500", 2500)]
    [InlineData("Retry-After", "3", 3000)]
    public async Task Sensible_retry_after_hints_are_reported_and_the_wait_stays_within_RetryMaxDelay(string header, string value, int expectedMs)
    {
        using var ecs = new FakeEcsService(_ =>
        {
            var response = FakeEcsService.Error(HttpStatusCode.BadRequest, "Throttling.User");
            response.Headers.TryAddWithoutValidation(header, value);
            return response;
        });
        using var client = ecs.CreateClient(maxRetries: 2); // RetryMaxDelay is 5 ms: the hint cannot stretch the call

        var e = await Assert.ThrowsAsync<ThrottlingException>(() => client.DisableActivationAsync("act-1"));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), e.RetryAfter);
        Assert.Equal(3, e.Attempts);
    }

    [Theory]
    [InlineData("""{"RequestId":"r","ActivationList":[null]}""")]
    [InlineData("""{"RequestId":"r","ActivationList":[{"ActivationId":"a","Tags":[null]}]}""")]
    [InlineData("""{"RequestId":"r","ActivationList":[{"ActivationId":"\ud800"}]}""")]
    public async Task A_page_with_null_or_unreadable_entries_is_an_invalid_response(string body)
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(body));
        using var client = ecs.CreateClient(maxRetries: 1);

        var e = await Assert.ThrowsAsync<EcsInvalidResponseException>(() => client.DescribeActivationsAsync(new DescribeActivationsRequest()));

        Assert.Equal(2, e.Attempts);
    }

    [Theory]
    [InlineData("DisableActivation", """{"RequestId":"r","Activation":{"ActivationId":"a","Disabled":true,"Tags":[null]}}""")]
    [InlineData("DeleteActivation", """{"RequestId":"r","Activation":{"ActivationId":"a","Tags":[{"TagKey":"k"},null]}}""")]
    public async Task A_code_whose_tags_hold_null_is_an_invalid_response(string action, string body)
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json(body));
        using var client = ecs.CreateClient(maxRetries: 1);

        var e = await Assert.ThrowsAsync<EcsInvalidResponseException>(() => action == "DisableActivation"
            ? client.DisableActivationAsync("act-1")
            : client.DeleteActivationAsync("act-1"));

        Assert.Equal(2, e.Attempts);
        Assert.Contains("Tags holds a null entry", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_filter_mode_over_a_page_with_a_null_entry_fails_typed()
    {
        using var ecs = new FakeEcsService(_ => FakeEcsService.Json("""{"RequestId":"r","ActivationList":[null]}"""));
        using var client = ecs.CreateClient(maxRetries: 0);

        await Assert.ThrowsAsync<EcsInvalidResponseException>(() => client.DisableMatchingActivationsAsync(new DescribeActivationsRequest(), new BulkDisableOptions { AllInRegion = true }));
        Assert.Empty(ecs.RequestsFor("DisableActivation"));
    }

    [Fact]
    public async Task The_services_paging_token_goes_back_verbatim_whatever_it_holds()
    {
        using var ecs = new FakeEcsService(p => p.TryGetValue("NextToken", out string? token)
            ? FakeEcsService.Page(null, (token == "\u0013 +/&=" ? "second" : "wrong-token", false))
            : FakeEcsService.Page("\\u0013 +/&=", ("first", false)));
        using var client = ecs.CreateClient();

        var ids = new List<string>();
        await foreach (Activation a in client.DescribeAllActivationsAsync())
        {
            ids.Add(a.ActivationId!);
        }

        Assert.Equal(new[] { "first", "second" }, ids);
    }

    [Fact]
    public async Task Bulk_filter_mode_disables_a_listed_id_that_caller_input_rules_would_refuse()
    {
        using var ecs = new FakeEcsService(p => p["Action"] == "DescribeActivations"
            ? FakeEcsService.Page(null, ("odd\\u0001id", false))
            : FakeEcsService.ActivationBody(p["ActivationId"] == "odd\u0001id" ? "odd-as-echoed" : "wrong-id"));
        using var client = ecs.CreateClient();

        BulkDisableResult result = await client.DisableMatchingActivationsAsync(new DescribeActivationsRequest(), new BulkDisableOptions { AllInRegion = true });

        ActivationDisableOutcome outcome = Assert.Single(result.Outcomes);
        Assert.Equal(("odd\u0001id", ActivationDisableStatus.Disabled), (outcome.ActivationId, outcome.Status));
    }

    [Fact]
    public async Task A_stream_that_breaks_mid_body_is_retried_then_a_connection_failure()
    {
        using var ecs = new FakeEcsService(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(new IOException("reset mid-body"))) });
        using var client = ecs.CreateClient(maxRetries: 2);

        var e = await Assert.ThrowsAsync<EcsConnectionException>(() => client.DisableActivationAsync("act-1"));

        Assert.Equal(3, e.Attempts);
        Assert.Contains("3 attempts: 3x ConnectionFailed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whatever_a_handler_throws_the_caller_gets_an_EcsException_holding_it()
    {
        using var ecs = new FakeEcsService(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(new InvalidOperationException("handler bug"))) });
        using var client = ecs.CreateClient(maxRetries: 0);

        var e = await Assert.ThrowsAsync<EcsException>(() => client.DisableActivationAsync("act-1"));

        Assert.IsType<InvalidOperationException>(e.InnerException);
    }

    [Fact]
    public async Task A_cancellation_that_is_neither_the_callers_nor_a_deadline_is_a_connection_failure()
    {
        using var ecs = new FakeEcsService(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(new OperationCanceledException("someone else's token"))) });
        using var client = ecs.CreateClient(maxRetries: 1);

        var e = await Assert.ThrowsAsync<EcsConnectionException>(() => client.DisableActivationAsync("act-1"));

        Assert.Equal(2, e.Attempts);
    }

    /// <summary>A body stream that fails on the first read.</summary>
    private sealed class BreakingStream(Exception failure) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw failure;
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
