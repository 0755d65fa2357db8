using System.Net.Security;
using Rsspot.Auth;

namespace Rsspot.Http;

/// <summary>
/// Builds the handler chains. The API chain is, outermost first: cache, JSON check, auth, retry, bounded response,
/// transport. The OAuth and price-data hosts get the JSON check, retry and bounded response (no bearer, no cache).
/// The token is fetched once per request, before the retries, so API retries never multiply token requests.
/// Every client gets its own handler instances; none is shared between clients.
/// </summary>
public static class SpotHttpPipeline
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
                InnerHandler = new AuthHandler(tokens) { InnerHandler = Attempts(retry, transport, time, maxResponseBytes) },
            },
        };

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
