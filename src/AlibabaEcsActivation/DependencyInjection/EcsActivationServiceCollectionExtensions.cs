using System;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Threading;
using AlibabaEcsActivation;
using AlibabaEcsActivation.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IEcsActivationClient"/> with dependency injection.</summary>
/// <remarks>
/// The client logs through the container's <see cref="ILoggerFactory"/>, makes its meter with the
/// container's <see cref="IMeterFactory"/>, and runs on the container's <see cref="TimeProvider"/>, each when
/// one is registered. <see cref="EcsActivationClientOptions.TimeProvider"/>, when set to anything but
/// <see cref="TimeProvider.System"/>, wins over the registered clock.
/// </remarks>
public static class EcsActivationServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the client uses, to add handlers (a proxy, say) through IHttpClientFactory.</summary>
    public const string HttpClientName = "AlibabaEcsActivation";

    /// <summary>
    /// The name of the HttpClient for the default credentials chain's STS and credentials-URI requests, to give
    /// them a proxy or handlers too: <c>services.AddHttpClient(CredentialsHttpClientName).ConfigurePrimaryHttpMessageHandler(…)</c>.
    /// The ECS metadata service is always called directly, never through it or a proxy.
    /// </summary>
    public const string CredentialsHttpClientName = "AlibabaEcsActivation.Credentials";

    /// <summary>
    /// Registers a singleton <see cref="IEcsActivationClient"/> configured in code. The options are
    /// validated when the host starts, with messages that say what to fix.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets region, credentials, timeouts and retries.</param>
    /// <returns>The builder of the named HttpClient, to add message handlers or configure its primary handler.</returns>
    public static IHttpClientBuilder AddEcsActivationClient(this IServiceCollection services, Action<EcsActivationClientOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<EcsActivationClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers a singleton <see cref="IEcsActivationClient"/> bound from a configuration section whose
    /// keys are the <see cref="EcsActivationClientOptions"/> property names (e.g. <c>RegionId</c>, <c>Timeout</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>builder.Configuration.GetSection("EcsActivation")</c>.</param>
    /// <returns>The builder of the named HttpClient.</returns>
    public static IHttpClientBuilder AddEcsActivationClient(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        services.AddOptions<EcsActivationClientOptions>().Configure(options => EcsActivationClientOptionsBinder.Bind(configuration, options));
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<EcsActivationClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EcsActivationClientOptions>, EcsActivationClientOptionsValidator>());

        // A singleton client that asks the factory for an HttpClient on every call: handlers are
        // pooled and recycled by IHttpClientFactory (DNS changes are seen, sockets are not exhausted).
        // Logging, metrics and the clock are the container's when it has them; a TimeProvider set in the
        // options wins over the registered one.
        services.TryAddSingleton<IEcsActivationClient>(provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new EcsActivationClient(
                provider.GetRequiredService<IOptions<EcsActivationClientOptions>>().Value,
                () => factory.CreateClient(HttpClientName),
                provider.GetService<ILoggerFactory>(),
                provider.GetService<IMeterFactory>(),
                provider.GetService<TimeProvider>(),
                () => factory.CreateClient(CredentialsHttpClientName));
        });

        // The client and the credentials sources enforce their own per-attempt and overall timeouts. The
        // factory's own loggers are removed: they put every request header (signature V3's Authorization and
        // STS token) unredacted into the structured state of their Trace records, and Microsoft.Extensions.Http 8
        // writes the whole URL (RPC v1's and STS's Signature and SecurityToken) into its Information records.
        // The client logs every attempt itself.
        services.AddHttpClient(CredentialsHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        return services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
    }
}
