using System;
using System.Globalization;

namespace AlibabaEcsActivation.Diagnostics;

/// <summary>
/// OpenTelemetry's RPC semantic conventions as this client applies them to its spans and metrics
/// (https://opentelemetry.io/docs/specs/semconv/rpc/). The duration histogram is
/// <c>rpc.client.call.duration</c> in seconds, the name and unit that replaced <c>rpc.client.duration</c>
/// in milliseconds (semantic conventions 1.38); the attributes are the 1.37 set the conventions describe
/// for every RPC system (<c>rpc.system</c>, <c>rpc.service</c>, <c>rpc.method</c>).
/// </summary>
internal static class RpcConventions
{
    /// <summary><c>rpc.system</c>: Alibaba Cloud's RPC-style API (signed form parameters, as opposed to its ROA style); no well-known value fits.</summary>
    public const string SystemName = "alibaba_cloud_rpc";

    /// <summary><c>rpc.service</c>: the API's product code.</summary>
    public const string ServiceName = "Ecs";

    public const string RpcSystem = "rpc.system";
    public const string RpcService = "rpc.service";
    public const string RpcMethod = "rpc.method";
    public const string CloudRegion = "cloud.region";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ErrorType = "error.type";

    /// <summary>The span name the conventions give an RPC: <c>{service}/{method}</c>.</summary>
    public static string SpanName(string action) => ServiceName + "/" + action;

    /// <summary>
    /// <c>error.type</c>, of low cardinality: the service's error code (<c>Throttling.User</c>), the status
    /// of an answer without one (<c>503</c>), else the exception's type name (<c>EcsConnectionException</c>).
    /// </summary>
    public static string ErrorTypeOf(Exception e) => e switch
    {
        EcsServiceException { ErrorCode: { } code } => code,
        EcsServiceException service => service.StatusCode.ToString(CultureInfo.InvariantCulture),
        _ => e.GetType().Name,
    };
}
