using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Testing.Actions;
using AlibabaEcsActivation.Testing.Rendering;

namespace AlibabaEcsActivation.Testing.Pipeline;

/// <summary>
/// The one core both front doors share: parse the parameters, record the request, authenticate,
/// find the action, apply a scripted fault, check the region, run the action, render the answer
/// (JSON or XML) and record the verdict.
/// </summary>
internal sealed class RequestPipeline(
    ActivationStore store, EmulatorCredentials credentials, FaultInjector faults, RequestLog log, TimeProvider timeProvider, TimeSpan timestampWindow)
{
    private static readonly HashSet<string> SecretParameters = new(StringComparer.Ordinal) { "Signature", "SecurityToken", "BearerToken", "AccessKeySecret" };

    private readonly Authenticator _authenticator = new(credentials, timeProvider, timestampWindow);

    public async Task<EmulatorResponse> ProcessAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        Dictionary<string, string> parameters = ParseParameters(request);
        bool json = ResponseWriter.WantsJson(parameters.GetValueOrDefault("Format"));
        string requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        RecordedRequest record = log.Add(sequence => new RecordedRequest(
            sequence, timeProvider.GetUtcNow(), request.Method, Redact(parameters), AttemptOf(request.RetryAttemptsHeader)));
        EcsFault? fault = null;
        try
        {
            if (request.Method is not ("GET" or "POST"))
            {
                throw ServiceError.UnsupportedMethod(request.Method);
            }

            if (request.Path != "/")
            {
                throw ServiceError.ApiNotFound();
            }

            _authenticator.Authenticate(request.Method, parameters);
            string actionName = parameters["Action"];
            IEmulatedAction action = ActionRegistry.Find(actionName) ?? throw ServiceError.ApiNotFound();

            fault = faults.Take(actionName, parameters.GetValueOrDefault("ActivationId"));
            if (fault is not null && await ApplyAsync(fault, record, cancellationToken).ConfigureAwait(false) is { } faulted)
            {
                return faulted;
            }

            string regionId = parameters.TryGetValue("RegionId", out string? region) && region.Length > 0 ? region : throw ServiceError.Missing("RegionId");
            RegionRules.Check(regionId);

            ResponseNode body = new ResponseNode(actionName + "Response").Add("RequestId", requestId);
            action.Execute(new ActionContext(parameters, regionId, store, timeProvider.GetUtcNow()), body);
            (string contentType, string text) = ResponseWriter.Write(body, json);
            log.Complete(record, RequestOutcome.Succeeded, 200, null, fault);
            return EmulatorResponse.Create(200, contentType, text, requestId);
        }
        catch (ServiceError error)
        {
            log.Complete(record, RequestOutcome.Failed, error.StatusCode, error.Code, fault);
            return Render(error, json, requestId, request.Host);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
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

    /// <summary>Applies a fault; returns the answer that replaces the normal one, or null to carry on.</summary>
    private async Task<EmulatorResponse?> ApplyAsync(EcsFault fault, RecordedRequest record, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case EcsFaultKind.Delay:
                await Task.Delay(fault.DelayTime, timeProvider, cancellationToken).ConfigureAwait(false);
                return null;
            case EcsFaultKind.DropConnection:
                log.Complete(record, RequestOutcome.Dropped, null, null, fault);
                return EmulatorResponse.Dropped;
            case EcsFaultKind.RawResponse:
                log.Complete(record, fault.StatusCode is >= 200 and < 300 ? RequestOutcome.Succeeded : RequestOutcome.Failed, fault.StatusCode, null, fault);
                return EmulatorResponse.Create(fault.StatusCode, fault.ContentType!, fault.Message!, requestId: null);
            default:
                throw ServiceError.FromFault(fault);
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

    private static int AttemptOf(string? retryAttemptsHeader) =>
        int.TryParse(retryAttemptsHeader, NumberStyles.None, CultureInfo.InvariantCulture, out int retries) && retries < int.MaxValue ? retries + 1 : 1;
}
