using System;
using System.Diagnostics;
using AlibabaEcsActivation.Transport;

namespace AlibabaEcsActivation.Diagnostics;

/// <summary>
/// The client span of one call, named <c>Ecs/{action}</c> and tagged after OpenTelemetry's RPC
/// conventions, plus <c>cloud.region</c> and <c>ecs.attempts</c>; a failed call sets the Error status and
/// <c>error.type</c>. Nothing secret goes on it: no URL, query, signature or activation code.
/// </summary>
internal static class CallActivity
{
    public const string AttemptsTag = "ecs.attempts";

    /// <summary>Starts the span, or returns null when nobody listens.</summary>
    public static Activity? Start(RpcCall call)
    {
        if (!EcsActivationDiagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        Activity? activity = EcsActivationDiagnostics.ActivitySource.StartActivity(RpcConventions.SpanName(call.Action), ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(RpcConventions.RpcSystem, RpcConventions.SystemName);
            activity.SetTag(RpcConventions.RpcService, RpcConventions.ServiceName);
            activity.SetTag(RpcConventions.RpcMethod, call.Action);
            activity.SetTag(RpcConventions.CloudRegion, call.RegionId);
            activity.SetTag(RpcConventions.ServerAddress, call.Endpoint.Host);
            activity.SetTag(RpcConventions.ServerPort, call.Endpoint.Port);
        }

        return activity;
    }

    public static void Succeeded(Activity? activity, RpcCall call) => activity?.SetTag(AttemptsTag, call.Attempts);

    public static void Failed(Activity? activity, RpcCall call, Exception failure)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(AttemptsTag, call.Attempts);
        activity.SetTag(RpcConventions.ErrorType, RpcConventions.ErrorTypeOf(failure));
        activity.SetStatus(ActivityStatusCode.Error);
    }
}
