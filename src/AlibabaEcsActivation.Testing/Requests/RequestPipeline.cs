using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing.Actions;
using AlibabaEcsActivation.Testing.Authentication;
using AlibabaEcsActivation.Testing.Responses;

namespace AlibabaEcsActivation.Testing.Requests;

/// <summary>
/// The one core both hosts share: parse the parameters, record the request, wait out the latency,
/// authenticate, find the action, apply flow control and a scripted fault, check the region, run the action, render the answer
/// (JSON or XML), spoil it if an Act… fault says so, and record the verdict: what the client got and
/// what the action did.
/// </summary>
internal sealed class RequestPipeline(
    ActivationStore store, EmulatorCredentials credentials, FaultInjector faults, RequestLog log, TimeProvider timeProvider, TimeSpan timestampWindow,
    FlowControlBuckets? flowControl, TimeSpan latency)
{
    private static readonly HashSet<string> SecretParameters = new(StringComparer.Ordinal) { "Signature", "SecurityToken", "BearerToken", "AccessKeySecret" };

    private readonly Authenticator _authenticator = new(credentials, timeProvider, timestampWindow);

    public async Task<EmulatorResponse> ProcessAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        Dictionary<string, string> parameters = ParseParameters(request);
        bool acs3 = Authenticator.IsAcs3(request);
        string? format = parameters.GetValueOrDefault("Format");
        // Signature V3 requests carry no Format and are answered in JSON, as the official clients expect; v1's default is XML.
        bool json = ResponseWriter.WantsJson(format) || (acs3 && format is null);
        string requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        RecordedRequest record = log.Add(sequence => new RecordedRequest(
            sequence, timeProvider.GetUtcNow(), request.Method, Redact(parameters), RedactHeaders(request), AttemptOf(request.RetryAttemptsHeader), SignatureAlgorithmOf(request, parameters, acs3)));
        EcsFault? fault = null;
        try
        {
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            if (request.Method is not ("GET" or "POST"))
            {
                throw ServiceError.UnsupportedMethod(request.Method);
            }

            if (request.Path != "/")
            {
                throw ServiceError.ApiNotFound();
            }

            string account = acs3 ? _authenticator.AuthenticateAcs3(request) : _authenticator.Authenticate(request.Method, parameters);
            string actionName = acs3 ? request.Header("x-acs-action")! : parameters["Action"];
            IEmulatedAction action = ActionRegistry.Find(actionName) ?? throw ServiceError.ApiNotFound();
            if (flowControl is not null && !flowControl.TryAdmit(account, actionName))
            {
                throw ServiceError.Throttled();
            }

            var work = new ActionWork(action, actionName, parameters, json, requestId, request.Host, account);

            fault = faults.Take(actionName, parameters.GetValueOrDefault("ActivationId"));
            switch (fault?.Kind)
            {
                case EcsFaultKind.Delay:
                    await Task.Delay(fault.DelayTime, timeProvider, cancellationToken).ConfigureAwait(false);
                    break;
                case EcsFaultKind.DropConnection:
                    log.Complete(record, RequestOutcome.Dropped, null, null, fault);
                    return EmulatorResponse.Dropped;
                case EcsFaultKind.RawResponse:
                    log.Complete(record, fault.StatusCode is >= 200 and < 300 ? RequestOutcome.Succeeded : RequestOutcome.Failed, fault.StatusCode, null, fault);
                    return EmulatorResponse.Create(fault.StatusCode, fault.ContentType!, fault.Message!, requestId: null);
                case EcsFaultKind.Error:
                    throw ServiceError.FromFault(fault);
                case EcsFaultKind.ActLate:
                    return await ActLateAsync(work, record, fault, cancellationToken).ConfigureAwait(false);
            }

            return Deliver(record, fault, Run(work));
        }
        catch (ServiceError error)
        {
            log.Complete(record, RequestOutcome.Failed, error.StatusCode, error.Code, fault);
            return Render(error, json, requestId, request.Host);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && record.Outcome == RequestOutcome.Pending)
        {
            log.Complete(record, RequestOutcome.Abandoned, null, null, fault);
            throw;
        }
        catch (Exception) when (record.Outcome == RequestOutcome.Pending)
        {
            // An emulator bug: record it as the 500 the web server will answer, and let it surface.
            log.Complete(record, RequestOutcome.Failed, 500, null, fault);
            throw;
        }
    }

    /// <summary>
    /// EcsFault.ActLate: the action runs after the delay whatever the client does. A client still waiting
    /// gets its answer; one that gave up is recorded as Abandoned at once, and the request settles when the
    /// late action has run.
    /// </summary>
    private async Task<EmulatorResponse> ActLateAsync(ActionWork work, RecordedRequest record, EcsFault fault, CancellationToken cancellationToken)
    {
        Task<Answer> late = RunLateAsync(work, record.ReceivedAt + fault.DelayTime);
        Answer answer;
        try
        {
            answer = await late.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.AbandonBeforeLateAction(record, fault);
            _ = late.ContinueWith(
                t =>
                {
                    // A fault here is an emulator bug: observe it, and settle with the action's result unknown.
                    _ = t.Exception;
                    log.Settle(record, t.IsCompletedSuccessfully ? t.Result.Result : null);
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        return Deliver(record, fault, answer);
    }

    private async Task<Answer> RunLateAsync(ActionWork work, DateTimeOffset dueAt)
    {
        // Not the request's token: the action runs even if the client has gone.
        await DelayUntilAsync(dueAt).ConfigureAwait(false);
        return Run(work);
    }

    /// <summary>
    /// Completes when the emulator's clock reaches <paramref name="dueAt"/>. The clock is read again once the
    /// timer is set, so a (fake) clock moved past the due time while the timer was being set still counts.
    /// </summary>
    private async Task DelayUntilAsync(DateTimeOffset dueAt)
    {
        TimeSpan remaining = dueAt - timeProvider.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        var due = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using ITimer timer = timeProvider.CreateTimer(static state => ((TaskCompletionSource)state!).TrySetResult(), due, remaining, Timeout.InfiniteTimeSpan);
        if (timeProvider.GetUtcNow() >= dueAt)
        {
            due.TrySetResult();
        }

        await due.Task.ConfigureAwait(false);
    }

    /// <summary>Checks the region and runs the action; a service error from either is the action's answer.</summary>
    private Answer Run(ActionWork work)
    {
        DateTimeOffset now = timeProvider.GetUtcNow();
        try
        {
            string regionId = work.Parameters.TryGetValue("RegionId", out string? region) && region.Length > 0 ? region : throw ServiceError.Missing("RegionId");
            RegionRules.Check(regionId);

            ResponseNode body = new ResponseNode(work.ActionName + "Response").Add("RequestId", work.RequestId);
            work.Action.Execute(new ActionContext(work.Parameters, regionId, store, now, work.Account), body);
            (string contentType, string text) = ResponseWriter.Write(body, work.Json);
            return new Answer(EmulatorResponse.Create(200, contentType, text, work.RequestId), new ActionResult(200, null, now));
        }
        catch (ServiceError error)
        {
            return new Answer(Render(error, work.Json, work.RequestId, work.Host), new ActionResult(error.StatusCode, error.Code, now));
        }
    }

    /// <summary>Records and returns the action's answer, spoiled as an Act… fault says.</summary>
    private EmulatorResponse Deliver(RecordedRequest record, EcsFault? fault, Answer answer)
    {
        ActionResult result = answer.Result;
        bool success = result.StatusCode is >= 200 and < 300;
        switch (fault?.Kind)
        {
            case EcsFaultKind.ActThenReset:
                log.Complete(record, RequestOutcome.Dropped, null, null, fault, result);
                return EmulatorResponse.DroppedAfterAction;
            case EcsFaultKind.ActThenTruncate when success:
                log.Complete(record, RequestOutcome.Truncated, result.StatusCode, null, fault, result);
                return answer.Response.Truncated();
            default:
                log.Complete(record, success ? RequestOutcome.Succeeded : RequestOutcome.Failed, result.StatusCode, result.ErrorCode, fault, result);
                return answer.Response;
        }
    }

    /// <summary>The documented error body: RequestId, HostId, Code, Message, Recommend.</summary>
    private static EmulatorResponse Render(ServiceError error, bool json, string requestId, string? host)
    {
        ResponseNode body = new ResponseNode("Error")
            .Add("RequestId", requestId)
            .Add("HostId", string.IsNullOrEmpty(host) ? "ecs.aliyuncs.com" : host)
            .Add("Code", error.Code)
            .Add("Message", error.Message)
            .Add("Recommend", $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product=Ecs&requestId={requestId}");
        (string contentType, string text) = ResponseWriter.Write(body, json);
        long? retryAfterMs = error.RetryAfter is { } hint ? (long)hint.TotalMilliseconds : null;
        return EmulatorResponse.Create(error.StatusCode, contentType, text, requestId, retryAfterMs);
    }

    /// <summary>Query first, then the form body; the first occurrence of a name wins.</summary>
    private static Dictionary<string, string> ParseParameters(EmulatorRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in FormDecoder.Decode(request.Query))
        {
            parameters.TryAdd(name, value);
        }

        if (request.FormBody is { } form)
        {
            foreach (var (name, value) in FormDecoder.Decode(form))
            {
                parameters.TryAdd(name, value);
            }
        }

        return parameters;
    }

    private static SortedDictionary<string, string> Redact(Dictionary<string, string> parameters)
    {
        var redacted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            redacted[name] = SecretParameters.Contains(name) ? RecordedRequest.Redacted : value;
        }

        return redacted;
    }

    /// <summary>The headers a signature can cover (<c>host</c>, <c>content-type</c>, <c>x-acs-*</c>) and the Authorization, secrets redacted.</summary>
    private static SortedDictionary<string, string> RedactHeaders(EmulatorRequest request)
    {
        var redacted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            if (name == "authorization")
            {
                redacted[name] = Acs3Authorization.Redact(value);
            }
            else if (name == "x-acs-security-token")
            {
                redacted[name] = RecordedRequest.Redacted;
            }
            else if (name is "host" or "content-type" || name.StartsWith("x-acs-", StringComparison.Ordinal))
            {
                redacted[name] = value;
            }
        }

        return redacted;
    }

    /// <summary>What the request says it is signed with: its Authorization's algorithm (V3) or its <c>SignatureMethod</c> (v1).</summary>
    private static string? SignatureAlgorithmOf(EmulatorRequest request, Dictionary<string, string> parameters, bool acs3) =>
        acs3
            ? (request.Header("authorization") is { } authorization ? Acs3Authorization.Parse(authorization).Algorithm : null)
            : parameters.GetValueOrDefault("SignatureMethod");

    private static int AttemptOf(string? retryAttemptsHeader) =>
        int.TryParse(retryAttemptsHeader, NumberStyles.None, CultureInfo.InvariantCulture, out int retries) && retries < int.MaxValue ? retries + 1 : 1;

    /// <summary>An authenticated request's action, with what it needs to run now or later.</summary>
    private sealed record ActionWork(IEmulatedAction Action, string ActionName, Dictionary<string, string> Parameters, bool Json, string RequestId, string? Host, string Account);

    /// <summary>The action's rendered answer and what the log says of it.</summary>
    private sealed record Answer(EmulatorResponse Response, ActionResult Result);
}
