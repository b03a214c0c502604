using System.Collections.Generic;

namespace AlibabaEcsActivation.Endpoints;

/// <summary>
/// The regions whose activation-code APIs the Chinese API reference lists (16). The English page
/// names only three, so the client does not refuse other regions itself: the service decides.
/// </summary>
public static class SupportedRegions
{
    /// <summary>Region IDs in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu",
        "cn-hangzhou", "cn-shanghai", "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu",
        "cn-hongkong", "ap-southeast-1", "ap-northeast-1", "us-west-1", "us-east-1",
    };
}
