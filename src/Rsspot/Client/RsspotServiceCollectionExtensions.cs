using Microsoft.Extensions.DependencyInjection;
using Rsspot.Http;
using Rsspot.Services;

namespace Rsspot;

/// <summary>Registers rsspot with Microsoft.Extensions.DependencyInjection.</summary>
public static class RsspotServiceCollectionExtensions
{
    /// <summary>Name of the IHttpClientFactory client whose handler is the transport of the registered <see cref="SpotClient"/>.</summary>
    public const string HttpClientName = "Rsspot";

    /// <summary>
    /// Registers a singleton <see cref="SpotClient"/> (and its services) whose transport comes from IHttpClientFactory.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options, e.g. <c>o =&gt; o with { Profile = "prod" }</c>.</param>
    public static IServiceCollection AddRsspot(this IServiceCollection services, Func<SpotClientOptions, SpotClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(HttpClientName).ConfigurePrimaryHttpMessageHandler(() => SpotHttpPipeline.CreateTransport(verifyTls: true));
        services.AddSingleton(provider =>
        {
            var options = configure?.Invoke(new SpotClientOptions()) ?? new SpotClientOptions();
            var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();
            return new SpotClient(options with { Transport = options.Transport ?? handlers.CreateHandler(HttpClientName) });
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
