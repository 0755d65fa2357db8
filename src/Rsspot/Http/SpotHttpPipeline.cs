using System.Net.Security;
using Microsoft.Extensions.Logging;
using Rsspot.Auth;

namespace Rsspot.Http;

/// <summary>
/// Builds the handler chains. The API chain is, outermost first: lifetime, per-call handlers, cache, JSON check, auth,
/// retry, per-attempt handlers, attempt telemetry, bounded response, transport. The OAuth and price-data hosts get
/// the same chain without bearer and cache.
/// The token is fetched once per request, before the retries, so API retries never multiply token requests.
/// Every client gets its own handler instances; none is shared between clients.
/// </summary>
internal static class SpotHttpPipeline
{
    /// <summary>The largest response body read by default (32 MB).</summary>
    public const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>The chain for authenticated API calls.</summary>
    public static HttpMessageHandler CreateApiHandler(
        TokenManager tokens,
        RetryOptions retry,
        CacheOptions cache,
        IResponseCacheStore? store,
        HttpMessageHandler transport,
        TimeProvider? time = null,
        long maxResponseBytes = DefaultMaxResponseBytes) =>
        new CacheHandler(cache, store, time)
        {
            InnerHandler = new JsonResponseHandler
            {
                KeepParsed = true,
                InnerHandler = new AuthHandler(tokens) { InnerHandler = Attempts(retry, transport, time, maxResponseBytes) },
            },
        };

    /// <summary>
    /// The API chain of a client, outermost first: lifetime, the user's per-call handlers, cache, JSON check, auth,
    /// retry, the user's per-attempt handlers, attempt telemetry, bounded response, transport.
    /// </summary>
    internal static HttpMessageHandler CreateApiHandler(PipelineParts parts, TokenManager tokens, RetryOptions retry, CacheOptions cache, IResponseCacheStore? store)
    {
        var call = new CacheHandler(cache, store, parts.Time)
        {
            Logger = parts.Logger,
            InnerHandler = new JsonResponseHandler
            {
                KeepParsed = true,
                InnerHandler = new AuthHandler(tokens) { Logger = parts.Logger, InnerHandler = Attempts(parts, retry) },
            },
        };
        return new LifetimeHandler(parts.Lifetime) { InnerHandler = Wrap(parts.PerCall, call) };
    }

    /// <summary>
    /// The OAuth and price-data chain of a client: lifetime, per-call handlers, JSON check, retry, per-attempt
    /// handlers, attempt telemetry, bounded response, transport.
    /// </summary>
    internal static HttpMessageHandler CreatePlainHandler(PipelineParts parts, RetryOptions retry) =>
        new LifetimeHandler(parts.Lifetime) { InnerHandler = Wrap(parts.PerCall, new JsonResponseHandler { InnerHandler = Attempts(parts, retry) }) };

    /// <summary>The retry loop over one attempt: per-attempt handlers, attempt telemetry, bounded response, transport.</summary>
    private static RetryHandler Attempts(PipelineParts parts, RetryOptions retry)
    {
        var attempt = Wrap(parts.PerAttempt, new AttemptTelemetryHandler(parts.Logger)
        {
            InnerHandler = new BoundedResponseHandler(parts.MaxResponseBytes) { InnerHandler = parts.Transport },
        });
        return new RetryHandler(retry, parts.Time) { Logger = parts.Logger, InnerHandler = attempt };
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
    public static HttpMessageHandler CreatePlainHandler(RetryOptions retry, HttpMessageHandler transport, TimeProvider? time = null, long maxResponseBytes = DefaultMaxResponseBytes) =>
        new JsonResponseHandler { InnerHandler = Attempts(retry, transport, time, maxResponseBytes) };

    private static RetryHandler Attempts(RetryOptions retry, HttpMessageHandler transport, TimeProvider? time, long maxResponseBytes) =>
        new(retry, time) { InnerHandler = new BoundedResponseHandler(maxResponseBytes) { InnerHandler = transport } };

    /// <summary>
    /// Switches off redirect following on a caller-supplied transport (and any handler chain in front of it) before
    /// its first request; a redirect must reach the pipeline, which reports it as an error.
    /// </summary>
    internal static void RefuseRedirects(HttpMessageHandler? handler)
    {
        for (var current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            try
            {
                switch (current)
                {
                    case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                        sockets.AllowAutoRedirect = false;
                        break;
                    case HttpClientHandler { AllowAutoRedirect: true } client:
                        client.AllowAutoRedirect = false;
                        break;
                }
            }
            catch (InvalidOperationException)
            {
                // Already in use: the pipeline still refuses any answer that came from a followed redirect.
            }
        }
    }

    /// <summary>
    /// Most connections a client's transport opens to one server by default: 100, the default of httpx (the Python
    /// rsspot's HTTP client). 2,000 concurrent calls on one client share these instead of opening 2,000 sockets.
    /// </summary>
    public const int DefaultMaxConnectionsPerServer = 100;

    /// <summary>The socket transport (at most <see cref="DefaultMaxConnectionsPerServer"/> connections per server); TLS verification can be switched off for test endpoints.</summary>
    public static SocketsHttpHandler CreateTransport(bool verifyTls) => CreateTransport(verifyTls, DefaultMaxConnectionsPerServer);

    /// <summary>The socket transport with a cap on connections per server; TLS verification can be switched off for test endpoints.</summary>
    /// <param name="verifyTls">False accepts any certificate (test endpoints only).</param>
    /// <param name="maxConnectionsPerServer">Most connections open to one server at a time; further requests wait for one.</param>
    public static SocketsHttpHandler CreateTransport(bool verifyTls, int maxConnectionsPerServer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConnectionsPerServer);
        var transport = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnectionsPerServer,
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
