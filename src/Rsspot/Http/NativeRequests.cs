using System.Collections.Concurrent;
using Microsoft.Kiota.Abstractions;

namespace Rsspot.Http;

/// <summary>
/// Builds the <see cref="HttpRequestMessage"/> of a bodiless generated call whose URL has no parameters but the base
/// URL (list calls without a query, for example), as Kiota's adapter would (method, URI, HTTP/2 requested with the
/// client's fallback, headers, request options under their type names), without its per-call work: URI template
/// expansion into a new <see cref="Uri"/>, a new <see cref="HttpMethod"/>, an authentication provider that does
/// nothing. The URI of each such template is expanded once by Kiota and kept. Every other request (a body, path or
/// query parameters, a raw URL) is left to Kiota (<see langword="null"/>).
/// </summary>
internal sealed class NativeRequests
{
    private const string BaseUrlKey = "baseurl";
    private const string AcceptHeader = "Accept";

    /// <summary>The templates seen, a few dozen at most (one per generated operation without parameters).</summary>
    private readonly ConcurrentDictionary<string, (string BaseUrl, Uri Uri)> _uris = new(StringComparer.Ordinal);

    public HttpRequestMessage? Create(RequestInformation requestInfo, string? baseUrl)
    {
        if (baseUrl is null
            || requestInfo.UrlTemplate is not { } template
            || requestInfo.Content is { } content && content != Stream.Null
            || requestInfo.QueryParameters.Count != 0
            || requestInfo.PathParameters.Count > 1
            || (requestInfo.PathParameters.Count == 1 && !(requestInfo.PathParameters.TryGetValue(BaseUrlKey, out var set) && set is string given && given == baseUrl))
            || MethodOf(requestInfo.HttpMethod) is not { } method)
        {
            return null;
        }

        if (!_uris.TryGetValue(template, out var known) || !string.Equals(known.BaseUrl, baseUrl, StringComparison.Ordinal))
        {
            var expand = new RequestInformation { UrlTemplate = template, PathParameters = new Dictionary<string, object> { [BaseUrlKey] = baseUrl } };
            known = (baseUrl, expand.URI);
            _uris[template] = known;
        }

        var message = new HttpRequestMessage(method, known.Uri) { Version = System.Net.HttpVersion.Version20 };
        if (requestInfo.RequestOptions is not ICollection<IRequestOption> { Count: 0 })
        {
            foreach (var option in requestInfo.RequestOptions)
            {
                message.Options.Set(new HttpRequestOptionsKey<IRequestOption>(option.GetType().FullName!), option);
            }
        }

        // Most generated calls send one header, Accept, with one value: added without enumerators.
        if (requestInfo.Headers.Count == 1 && requestInfo.Headers.TryGetValue(AcceptHeader, out var accept) && accept is HashSet<string> { Count: 1 } single)
        {
            foreach (var value in single)
            {
                message.Headers.TryAddWithoutValidation(AcceptHeader, value);
            }
        }
        else
        {
            foreach (var (name, values) in requestInfo.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return message;
    }

    private static HttpMethod? MethodOf(Method method) => method switch
    {
        Method.GET => HttpMethod.Get,
        Method.DELETE => HttpMethod.Delete,
        Method.HEAD => HttpMethod.Head,
        _ => null,
    };
}
