using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rsspot.Diagnostics;

namespace Rsspot.Http;

/// <summary>
/// Caches successful authenticated GETs: an in-memory LRU front over an optional persistent store, a TTL per
/// path, and invalidation of an API domain's cached GETs after any successful mutation under it.
/// Answers served from the cache carry the header <c>X-Rsspot-Cache: memory|store</c>.
/// </summary>
internal sealed partial class CacheHandler : DelegatingHandler
{
    /// <summary>Header added to answers served from the cache.</summary>
    public const string CacheHeader = "X-Rsspot-Cache";

    private readonly CacheOptions _options;
    private readonly IResponseCacheStore? _store;
    private readonly TimeProvider _time;
    private readonly MemoryResponseCache _memory;

    /// <summary>Creates the handler.</summary>
    public CacheHandler(CacheOptions options, IResponseCacheStore? store = null, TimeProvider? time = null)
    {
        _options = options;
        _store = store;
        _time = time ?? TimeProvider.System;
        _memory = new MemoryResponseCache(options.MaxEntries);
    }

    /// <summary>Where cache bypasses are logged.</summary>
    internal ILogger Logger { get; init; } = NullLogger.Instance;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        !_options.Enabled || request.RequestUri is null || request.IsSet(SpotRequestOptions.Anonymous)
            ? base.SendAsync(request, cancellationToken) // no async frame when the cache is off
            : CachedSendAsync(request, request.RequestUri, cancellationToken);

    private async Task<HttpResponseMessage> CachedSendAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get)
        {
            var result = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccessStatusCode)
            {
                Invalidate(uri);
            }

            return result;
        }

        var path = uri.AbsolutePath;
        var ttl = _options.TtlForPath(path);
        if (ttl <= TimeSpan.Zero)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var key = KeyFor(uri);
        var now = _time.GetUtcNow();
        if (!request.IsSet(SpotRequestOptions.BypassCache))
        {
            if (_memory.Get(key, now) is { } fromMemory)
            {
                return Hit(fromMemory, request, "memory");
            }

            if (_store?.Get(key, now) is { } fromStore)
            {
                _memory.Put(key, fromStore);
                return Hit(fromStore, request, "store");
            }
        }
        else if (Logger.IsEnabled(LogLevel.Debug))
        {
            LogBypass(Logger, RedactedUrl.Of(uri));
        }

        if (SpotTelemetry.CacheMisses.Enabled)
        {
            SpotTelemetry.CacheMisses.Add(1);
        }

        SpotTelemetry.Event("rsspot.cache.miss");

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return response;
        }

        var body = response.Content is BufferedContent buffered
            ? buffered.Bytes.ToArray()
            : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var entry = new CachedResponse(200, response.Content.Headers.ContentType?.ToString(), body, now + ttl);
        _memory.Put(key, entry);
        _store?.Put(key, entry, now, _options.MaxEntries);
        return response;
    }

    private static HttpResponseMessage Hit(CachedResponse cached, HttpRequestMessage request, string source)
    {
        if (SpotTelemetry.CacheHits.Enabled)
        {
            SpotTelemetry.CacheHits.Add(1, new KeyValuePair<string, object?>("rsspot.cache.source", source));
        }

        SpotTelemetry.Event("rsspot.cache.hit", source);
        return ToResponse(cached, request, source);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Cache bypassed for GET {Url}")]
    private static partial void LogBypass(ILogger logger, string url);

    private string KeyFor(Uri uri) => $"{_options.Identity()}|GET|{uri.PathAndQuery}";

    /// <summary>Drops cached GETs under the API domain of a mutated path, e.g. everything under /apis/ngpc.rxt.io/.</summary>
    private void Invalidate(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var scope = segments.Length >= 2 ? $"/{segments[0]}/{segments[1]}/" : "/";
        var prefix = $"{_options.Identity()}|GET|{scope}";
        _memory.InvalidatePrefix(prefix);
        _store?.InvalidatePrefix(prefix);
    }

    private static HttpResponseMessage ToResponse(CachedResponse cached, HttpRequestMessage request, string source)
    {
        var content = new ByteArrayContent(cached.Body);
        if (cached.ContentType is not null && MediaTypeHeaderValue.TryParse(cached.ContentType, out var type))
        {
            content.Headers.ContentType = type;
        }

        var response = new HttpResponseMessage((HttpStatusCode)cached.StatusCode) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation(CacheHeader, source);
        return response;
    }
}
