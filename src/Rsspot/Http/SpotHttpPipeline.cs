using System.Net.Security;
using Microsoft.Extensions.Logging;
using Rsspot.Auth;

namespace Rsspot.Http;

/// <summary>
/// Builds the handler chains. The API chain is, outermost first: cache, retry, auth, transport.
/// The OAuth and price-data hosts get retry and transport only (no bearer, no cache).
/// Every client gets its own handler instances; none is shared between clients.
/// </summary>
public static class SpotHttpPipeline
{
    /// <summary>The chain for authenticated API calls.</summary>
    public static HttpMessageHandler CreateApiHandler(
        TokenManager tokens,
        RetryOptions retry,
        CacheOptions cache,
        IResponseCacheStore? store,
        HttpMessageHandler transport,
        TimeProvider? time = null) =>
        new CacheHandler(cache, store, time)
        {
            InnerHandler = new RetryHandler(retry, time) { InnerHandler = new AuthHandler(tokens) { InnerHandler = transport } },
        };

    /// <summary>
    /// The API chain of a client, outermost first: lifetime, the user's per-call handlers, cache, retry, the
    /// user's per-attempt handlers, auth, attempt telemetry, transport.
    /// </summary>
    internal static HttpMessageHandler CreateApiHandler(PipelineParts parts, TokenManager tokens, RetryOptions retry, CacheOptions cache, IResponseCacheStore? store)
    {
        var attempt = Wrap(parts.PerAttempt, new AuthHandler(tokens)
        {
            Logger = parts.Logger,
            InnerHandler = new AttemptTelemetryHandler(parts.Logger) { InnerHandler = parts.Transport },
        });
        var call = new CacheHandler(cache, store, parts.Time)
        {
            Logger = parts.Logger,
            InnerHandler = new RetryHandler(retry, parts.Time) { Logger = parts.Logger, InnerHandler = attempt },
        };
        return new LifetimeHandler(parts.Lifetime) { InnerHandler = Wrap(parts.PerCall, call) };
    }

    /// <summary>The OAuth and price-data chain of a client: lifetime, per-call handlers, retry, per-attempt handlers, attempt telemetry, transport.</summary>
    internal static HttpMessageHandler CreatePlainHandler(PipelineParts parts, RetryOptions retry)
    {
        var attempt = Wrap(parts.PerAttempt, new AttemptTelemetryHandler(parts.Logger) { InnerHandler = parts.Transport });
        var call = new RetryHandler(retry, parts.Time) { Logger = parts.Logger, InnerHandler = attempt };
        return new LifetimeHandler(parts.Lifetime) { InnerHandler = Wrap(parts.PerCall, call) };
    }

    /// <summary>Puts fresh instances of the user's handlers (first = outermost) above <paramref name="inner"/>.</summary>
    private static HttpMessageHandler Wrap(IReadOnlyList<Func<DelegatingHandler>>? factories, HttpMessageHandler inner)
    {
        if (factories is null)
        {
            return inner;
        }

        for (var i = factories.Count - 1; i >= 0; i--)
        {
            var handler = factories[i]() ?? throw new InvalidOperationException("A handler factory of SpotClientOptions returned null.");
            if (handler.InnerHandler is not null)
            {
                throw new InvalidOperationException($"A handler factory of SpotClientOptions returned a {handler.GetType().Name} that is already in a chain; return a new instance each time.");
            }

            handler.InnerHandler = inner;
            inner = handler;
        }

        return inner;
    }

    /// <summary>The chain for the OAuth server and the public price documents.</summary>
    public static HttpMessageHandler CreatePlainHandler(RetryOptions retry, HttpMessageHandler transport, TimeProvider? time = null) =>
        new RetryHandler(retry, time) { InnerHandler = transport };

    /// <summary>The socket transport; TLS verification can be switched off for test endpoints.</summary>
    public static SocketsHttpHandler CreateTransport(bool verifyTls)
    {
        var transport = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            AllowAutoRedirect = false,
        };
        if (!verifyTls)
        {
            transport.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = static (_, _, _, _) => true };
        }

        return transport;
    }

    /// <summary>The User-Agent every request carries: package name and version.</summary>
    public static string UserAgent { get; } =
        $"rsspot-dotnet/{typeof(SpotHttpPipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";
}

/// <summary>What every chain of one client shares.</summary>
internal sealed record PipelineParts(
    HttpMessageHandler Transport,
    ClientLifetime Lifetime,
    ILogger Logger,
    TimeProvider Time,
    IReadOnlyList<Func<DelegatingHandler>>? PerCall,
    IReadOnlyList<Func<DelegatingHandler>>? PerAttempt);
