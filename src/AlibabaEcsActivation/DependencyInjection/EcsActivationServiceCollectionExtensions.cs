using System;
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
public static class EcsActivationServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the client uses, to add handlers (a proxy, say) through IHttpClientFactory.</summary>
    public const string HttpClientName = "AlibabaEcsActivation";

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
        services.TryAddSingleton<IEcsActivationClient>(provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new EcsActivationClient(
                provider.GetRequiredService<IOptions<EcsActivationClientOptions>>().Value,
                () => factory.CreateClient(HttpClientName),
                provider.GetService<ILoggerFactory>());
        });

        // The client enforces its own per-attempt and overall timeouts. The factory's default loggers go:
        // before Microsoft.Extensions.Http 9 they write each request's whole URI, whose query holds the
        // signature and any SecurityToken; the client logs every attempt itself, without them.
        return services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
    }
}
