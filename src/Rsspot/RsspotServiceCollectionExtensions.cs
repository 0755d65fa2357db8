using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    public static IServiceCollection AddRsspot(this IServiceCollection services, Func<SpotClientOptions, SpotClientOptions>? configure = null) =>
        AddRsspot(services, configure is null ? (Func<IServiceProvider, SpotClientOptions, SpotClientOptions>?)null : (_, options) => configure(options));

    /// <summary>
    /// <see cref="AddRsspot(IServiceCollection, Func{SpotClientOptions, SpotClientOptions})"/> with a callback that
    /// gets the container, e.g. to take a <see cref="TimeProvider"/>, a handler or a secret from it. The options it
    /// starts from hold <c>IOptions&lt;RsspotOptions&gt;</c> (empty unless configuration was bound).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options, given the container.</param>
    public static IServiceCollection AddRsspot(this IServiceCollection services, Func<IServiceProvider, SpotClientOptions, SpotClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RsspotOptions>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<RsspotOptions>>().Value.ApplyTo(new SpotClientOptions());
            return new ResolvedOptions(configure is null ? options : configure(provider, options));
        });
        services.AddHttpClient(HttpClientName).ConfigurePrimaryHttpMessageHandler(provider => Transport(provider, verifyTls: true));
        services.AddHttpClient(UnverifiedTlsHttpClientName).ConfigurePrimaryHttpMessageHandler(provider => Transport(provider, verifyTls: false));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<ResolvedOptions>().Options;
            var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();
            return new SpotClient(options with
            {
                TransportForTls = verify => handlers.CreateHandler(verify ? HttpClientName : UnverifiedTlsHttpClientName),
                LoggerFactory = options.LoggerFactory ?? provider.GetService<ILoggerFactory>(),
                TimeProvider = options.TimeProvider ?? provider.GetService<TimeProvider>(),
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

    /// <summary>
    /// Registers the <see cref="SpotClient"/> with its settings bound from configuration: <paramref name="configuration"/>
    /// is the <c>Rsspot</c> section itself, or the whole configuration (then its <c>Rsspot</c> section is read). The
    /// settings are <c>IOptions&lt;RsspotOptions&gt;</c>; <paramref name="configure"/> adjusts the result.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration, or its <c>Rsspot</c> section.</param>
    /// <param name="configure">Adjusts the options, given the container.</param>
    /// <example><code>
    /// builder.Services.AddRsspot(builder.Configuration);   // appsettings.json: { "Rsspot": { "Profile": "prod", "Org": "acme" } }
    /// </code></example>
    public static IServiceCollection AddRsspot(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, SpotClientOptions, SpotClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration is IConfigurationSection { Key: RsspotOptions.SectionName } own ? own : configuration.GetSection(RsspotOptions.SectionName);
        services.AddOptions<RsspotOptions>().Bind(section).Configure(options => options.Settings = ProfileSettingsSection.Read(section.GetSection(nameof(RsspotOptions.Settings))));
        return AddRsspot(services, configure);
    }

    private static SocketsHttpHandler Transport(IServiceProvider provider, bool verifyTls) =>
        SpotHttpPipeline.CreateTransport(
            verifyTls,
            provider.GetRequiredService<ResolvedOptions>().Options.MaxConnectionsPerServer ?? SpotHttpPipeline.DefaultMaxConnectionsPerServer);

    /// <summary>The options of the registered client, made once (the client and its transports read them).</summary>
    private sealed record ResolvedOptions(SpotClientOptions Options);
}
