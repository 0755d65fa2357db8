using System.Net.Security;
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
