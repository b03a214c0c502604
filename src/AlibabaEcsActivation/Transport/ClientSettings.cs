using System;
using AlibabaEcsActivation.Credentials;
using AlibabaEcsActivation.Endpoints;
using AlibabaEcsActivation.Signing;

namespace AlibabaEcsActivation.Transport;

/// <summary>An immutable copy of the options, resolved once when the client is created.</summary>
internal sealed class ClientSettings
{
    /// <param name="options">The validated options.</param>
    /// <param name="credentialsProvider">The credentials the options name.</param>
    /// <param name="nonceSource">Draws each attempt's SignatureNonce; null for the random one.</param>
    /// <param name="timeProvider">The clock the client runs on (<see cref="EffectiveTimeProvider"/>).</param>
    public ClientSettings(EcsActivationClientOptions options, ICredentialsProvider credentialsProvider, Func<string>? nonceSource, TimeProvider timeProvider)
    {
        DefaultRegionId = options.RegionId!;
        Endpoint = string.IsNullOrWhiteSpace(options.Endpoint) ? null : options.Endpoint;
        AllowInsecureHttp = options.AllowInsecureHttp;
        Endpoints = new EndpointCache(Endpoint, AllowInsecureHttp);
        CredentialsProvider = credentialsProvider;
        Timeout = options.Timeout;
        AttemptTimeout = options.AttemptTimeout;
        MaxRetries = options.MaxRetries;
        RetryBaseDelay = options.RetryBaseDelay;
        RetryMaxDelay = options.RetryMaxDelay;
        RetryThrottling = options.RetryThrottling;
        TimeProvider = timeProvider;
        NonceSource = nonceSource ?? SignatureNonce.Next;
        SignsWithAcs3 = EcsSignatureAlgorithm.IsAcs3(options.SignatureAlgorithm);
        UserAgent = $"AlibabaEcsActivation/{Diagnostics.EcsActivationDiagnostics.Version} (.NET; {Environment.OSVersion.Platform})"
            + (string.IsNullOrWhiteSpace(options.UserAgentSuffix) ? string.Empty : " " + options.UserAgentSuffix!.Trim());
    }

    /// <summary>
    /// The clock a client runs on: the options' when set to anything but <see cref="TimeProvider.System"/>,
    /// else the one registered in dependency injection, else the system clock.
    /// </summary>
    public static TimeProvider EffectiveTimeProvider(EcsActivationClientOptions options, TimeProvider? registeredTimeProvider) =>
        registeredTimeProvider is not null && ReferenceEquals(options.TimeProvider, TimeProvider.System) ? registeredTimeProvider : options.TimeProvider;

    public string DefaultRegionId { get; }
    public string? Endpoint { get; }
    public bool AllowInsecureHttp { get; }

    /// <summary>Endpoints resolved once per region (or once for the override), not per call.</summary>
    public EndpointCache Endpoints { get; }
    public ICredentialsProvider CredentialsProvider { get; }
    public TimeSpan Timeout { get; }
    public TimeSpan AttemptTimeout { get; }
    public int MaxRetries { get; }
    public TimeSpan RetryBaseDelay { get; }
    public TimeSpan RetryMaxDelay { get; }
    public bool RetryThrottling { get; }
    public TimeProvider TimeProvider { get; }
    public Func<string> NonceSource { get; }

    /// <summary>Signature V3 (<c>ACS3-HMAC-SHA256</c>) instead of RPC v1.</summary>
    public bool SignsWithAcs3 { get; }
    public string UserAgent { get; }
}
