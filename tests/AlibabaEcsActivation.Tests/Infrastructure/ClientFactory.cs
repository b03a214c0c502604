using System;
using System.Diagnostics.Metrics;
using System.Net.Http;
using AlibabaEcsActivation.Credentials;
using Microsoft.Extensions.Logging;
using RichardSzalay.MockHttp;

namespace AlibabaEcsActivation.Tests.Infrastructure;

/// <summary>Builds clients wired to a MockHttp handler with test credentials and fast retries.</summary>
public static class ClientFactory
{
    public const string AccessKeyId = "LTAI5tTestKeyId00000";
    public const string AccessKeySecret = "TopSecret+/=Value";
    public const string SecurityToken = "STS-TOKEN-SECRET-abc+/=";

    public static EcsActivationClientOptions Options(Action<EcsActivationClientOptions>? configure = null)
    {
        var options = new EcsActivationClientOptions
        {
            RegionId = "cn-hangzhou",
            CredentialsProvider = new StaticCredentialsProvider(AccessKeyId, AccessKeySecret),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
            TimeProvider = new TestClock(),
        };
        configure?.Invoke(options);
        return options;
    }

    public static EcsActivationClient Create(
        System.Net.Http.HttpMessageHandler handler, Action<EcsActivationClientOptions>? configure = null, ILoggerFactory? loggerFactory = null, Func<string>? nonces = null, IMeterFactory? meterFactory = null) =>
        new(Options(configure), new HttpClient(handler), loggerFactory, nonces, meterFactory);
}
