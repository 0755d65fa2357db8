using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rsspot.Http;
using Rsspot.Services;

namespace Rsspot;

/// <summary>Registers rsspot with Microsoft.Extensions.DependencyInjection.</summary>
public static class RsspotServiceCollectionExtensions
{
    /// <summary>Name of the IHttpClientFactory client whose handler is the transport of the registered <see cref="SpotClient"/>.</summary>
    public const string HttpClientName = "Rsspot";

    /// <summary>Name of the IHttpClientFactory client used instead when the profile switches TLS verification off.</summary>
    public const string UnverifiedTlsHttpClientName = "Rsspot.UnverifiedTls";

    /// <summary>
    /// Registers a singleton <see cref="SpotClient"/> (and its services) whose transport comes from IHttpClientFactory
    /// and whose logs go to the container's <see cref="ILoggerFactory"/> (unless the options name another). Every option
    /// means what it means without DI: with <c>VerifySsl = false</c> (from the options or the profile) the client
    /// uses the <see cref="UnverifiedTlsHttpClientName"/> client's handler.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options, e.g. <c>o =&gt; o with { Profile = "prod" }</c>.</param>
    public static IServiceCollection AddRsspot(this IServiceCollection services, Func<SpotClientOptions, SpotClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(HttpClientName).ConfigurePrimaryHttpMessageHandler(() => SpotHttpPipeline.CreateTransport(verifyTls: true));
        services.AddHttpClient(UnverifiedTlsHttpClientName).ConfigurePrimaryHttpMessageHandler(() => SpotHttpPipeline.CreateTransport(verifyTls: false));
        services.AddSingleton(provider =>
        {
            var options = configure?.Invoke(new SpotClientOptions()) ?? new SpotClientOptions();
            var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();
            return new SpotClient(options with
            {
                TransportForTls = verify => handlers.CreateHandler(verify ? HttpClientName : UnverifiedTlsHttpClientName),
                LoggerFactory = options.LoggerFactory ?? provider.GetService<ILoggerFactory>(),
            });
        });
        services.AddSingleton(p => p.GetRequiredService<SpotClient>().Organizations);
        services.AddSingleton(p => p.GetRequiredService<SpotClient>().Regions);
        services.AddSingleton(p => p.GetRequiredService<SpotClient>().ServerClasses);
        services.AddSingleton(p => p.GetRequiredService<SpotClient>().Pricing);
        services.AddSingleton(p => p.GetRequiredService<SpotClient>().Cloudspaces);
        services.AddSingleton<SpotNodePoolsService>(p => p.GetRequiredService<SpotClient>().SpotNodePools);
        services.AddSingleton<OnDemandNodePoolsService>(p => p.GetRequiredService<SpotClient>().OnDemandNodePools);
        services.AddSingleton(p => p.GetRequiredService<SpotClient>().Inventory);
        services.AddSingleton(p => p.GetRequiredService<SpotClient>().Raw);
        return services;
    }
}
