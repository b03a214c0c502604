using System;
using System.Collections.Generic;
using System.Net;

namespace AlibabaEcsActivation.Endpoints;

/// <summary>
/// Region to ECS endpoint, as the official ECS client resolves it: an explicit endpoint wins, then
/// the client's endpoint map (<c>cn-hangzhou</c> is special: <c>ecs-cn-hangzhou.aliyuncs.com</c>),
/// then the regional rule <c>ecs.&lt;region&gt;.aliyuncs.com</c>.
/// </summary>
internal static class EndpointResolver
{
    // The official ECS client's endpoint map, verbatim (35 entries).
    private static readonly Dictionary<string, string> EndpointMap = new(StringComparer.Ordinal)
    {
        ["cn-hangzhou"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-shanghai-finance-1"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-shenzhen-finance-1"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-north-2-gov-1"] = "ecs.aliyuncs.com",
        ["ap-northeast-2-pop"] = "ecs.aliyuncs.com",
        ["cn-beijing-finance-pop"] = "ecs.aliyuncs.com",
        ["cn-beijing-gov-1"] = "ecs.aliyuncs.com",
        ["cn-beijing-nu16-b01"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-edge-1"] = "ecs.cn-qingdao-nebula.aliyuncs.com",
        ["cn-fujian"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-haidian-cm12-c01"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-hangzhou-bj-b01"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-hangzhou-finance"] = "ecs.aliyuncs.com",
        ["cn-hangzhou-internal-prod-1"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-hangzhou-internal-test-1"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-hangzhou-internal-test-2"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-hangzhou-internal-test-3"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-hangzhou-test-306"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-hongkong-finance-pop"] = "ecs.aliyuncs.com",
        ["cn-huhehaote-nebula-1"] = "ecs.cn-qingdao-nebula.aliyuncs.com",
        ["cn-shanghai-et15-b01"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-shanghai-et2-b01"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-shanghai-inner"] = "ecs.aliyuncs.com",
        ["cn-shanghai-internal-test-1"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-shenzhen-inner"] = "ecs.aliyuncs.com",
        ["cn-shenzhen-st4-d01"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-shenzhen-su18-b01"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-wuhan"] = "ecs.aliyuncs.com",
        ["cn-yushanfang"] = "ecs.aliyuncs.com",
        ["cn-zhangbei"] = "ecs.aliyuncs.com",
        ["cn-zhangbei-na61-b01"] = "ecs-cn-hangzhou.aliyuncs.com",
        ["cn-zhangjiakou-na62-a01"] = "ecs.cn-zhangjiakou.aliyuncs.com",
        ["cn-zhengzhou-nebula-1"] = "ecs.cn-qingdao-nebula.aliyuncs.com",
        ["eu-west-1-oxs"] = "ecs.cn-shenzhen-cloudstone.aliyuncs.com",
        ["rus-west-1-pop"] = "ecs.aliyuncs.com",
    };

    /// <summary>The base URI (scheme, host, optional port, path <c>/</c>) to send requests for <paramref name="regionId"/> to.</summary>
    /// <exception cref="ArgumentException">The endpoint is malformed, or plain HTTP to a non-loopback host without the opt-in.</exception>
    public static Uri Resolve(string regionId, string? endpoint, bool allowInsecureHttp)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return new Uri("https://" + HostFor(regionId) + "/");
        }

        Uri uri = ParseEndpoint(endpoint!);
        if (uri.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !IsLoopback(uri))
        {
            throw new ArgumentException(
                $"Endpoint '{uri.GetLeftPart(UriPartial.Authority)}' uses plain HTTP, which would send the signed request unencrypted. Use https://, a loopback address, or set AllowInsecureHttp.",
                nameof(endpoint));
        }

        return uri;
    }

    /// <summary>The official host for a region.</summary>
    public static string HostFor(string regionId) =>
        EndpointMap.TryGetValue(regionId, out string? host) ? host : "ecs." + regionId + ".aliyuncs.com";

    internal static Uri ParseEndpoint(string endpoint)
    {
        string text = endpoint.Trim();
        if (text.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            text = "https://" + text; // a bare host, as the official Config.endpoint takes it
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || uri.AbsolutePath != "/"
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException(
                $"Endpoint '{endpoint}' is not a host or an http(s) URL without path, query or credentials (e.g. 'ecs.cn-beijing.aliyuncs.com' or 'http://127.0.0.1:8080').",
                nameof(endpoint));
        }

        return uri;
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out IPAddress? address) && IPAddress.IsLoopback(address));
}
