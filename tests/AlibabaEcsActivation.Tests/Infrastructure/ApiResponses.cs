using System.Net;
using System.Net.Http;
using System.Text;

namespace AlibabaEcsActivation.Tests.Infrastructure;

/// <summary>Response bodies as the service documents them.</summary>
public static class ApiResponses
{
    public const string DocActivationId = "4ECEEE12-56F1-4FBC-9AB1-890F1234****";
    public const string DocRequestId = "4ECEEE12-56F1-4FBC-9AB1-890F74942176";

    /// <summary>The Chinese page's example: numbers and booleans as JSON numbers and booleans.</summary>
    public const string DisableSuccessTyped = """
        {
          "RequestId": "4ECEEE12-56F1-4FBC-9AB1-890F74942176",
          "Activation": {
            "CreationTime": "2021-01-20T06:00:00Z",
            "DeregisteredCount": 1,
            "InstanceCount": 1,
            "Description": "This is description.",
            "RegisteredCount": 1,
            "InstanceName": "test-InstanceName",
            "Disabled": true,
            "IpAddressRange": "0.0.0.0/0",
            "TimeToLiveInHours": 4,
            "ActivationId": "4ECEEE12-56F1-4FBC-9AB1-890F1234****"
          }
        }
        """;

    /// <summary>The English page's example: numbers and booleans as strings, an empty IpAddressRange.</summary>
    public const string DisableSuccessStrings = """
        {
            "RequestId": "4ECEEE12-56F1-4FBC-9AB1-890F74942176",
            "Activation": {
                "InstanceName": "test-InstanceName",
                "DeregisteredCount": "1",
                "InstanceCount": "1",
                "Description": "This is description.",
                "CreationTime": "2021-01-20T06:00:00Z",
                "ActivationId": "4ECEEE12-56F1-4FBC-9AB1-890F1234****",
                "RegisteredCount": "1",
                "TimeToLiveInHours": "4",
                "Disabled": "true",
                "IpAddressRange": ""
            }
        }
        """;

    public static string Error(string code, string message, string requestId = "REQ-ERR-1") =>
        $$"""{"RequestId":"{{requestId}}","HostId":"ecs-cn-hangzhou.aliyuncs.com","Code":"{{code}}","Message":"{{message}}","Recommend":"https://api.aliyun.com/troubleshoot?q={{code}}"}""";

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
