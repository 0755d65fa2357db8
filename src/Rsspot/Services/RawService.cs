using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Http;

namespace Rsspot.Services;

/// <summary>
/// Any method and path of the Spot API, JSON in and out, through the same auth, retry and cache pipeline.
/// A <c>{namespace}</c> placeholder in the path is replaced by the organization's namespace.
/// </summary>
public class RawService : SpotService
{
    private const string NamespacePlaceholder = "{namespace}";

    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected RawService()
    {
    }

    internal RawService(SpotContext context)
        : base(context, "raw")
    {
    }

    /// <summary>Sends a request and returns the JSON answer (null for an empty body).</summary>
    /// <param name="method">HTTP method such as GET, POST, PATCH, DELETE.</param>
    /// <param name="path">Path on the API host, e.g. <c>/apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces</c>.</param>
    /// <param name="query">Query parameters.</param>
    /// <param name="body">JSON body (PATCH bodies are sent as a merge patch).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<JsonNode?> SendAsync(string method, string path, IReadOnlyDictionary<string, string>? query = null, JsonNode? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"Path '{path}' must start with '/', e.g. /apis/ngpc.rxt.io/v1/regions.", nameof(path));
        }

        if (path.Contains(NamespacePlaceholder, StringComparison.Ordinal))
        {
            path = path.Replace(NamespacePlaceholder, await NamespaceAsync(cancellationToken).ConfigureAwait(false), StringComparison.Ordinal);
        }

        var httpMethod = new HttpMethod(method.ToUpperInvariant());
        using var request = new HttpRequestMessage(httpMethod, BuildUri(path, query));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            var type = httpMethod == HttpMethod.Patch ? "application/merge-patch+json" : "application/json";
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, type);
        }

        var operation = $"{httpMethod} {path}";
        HttpResponseMessage response;
        try
        {
            response = await Context.ApiHttp.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw ApiCall.FromHttp(operation, error);
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ApiCall.FromBody(Context, operation, response.StatusCode, ServerError.Parse(bytes), new HttpRequestException(null, null, response.StatusCode));
            }

            return Parse(Encoding.UTF8.GetString(bytes), operation, response.StatusCode);
        }
    }

    /// <summary>Blocking form of <see cref="SendAsync"/>.</summary>
    public virtual JsonNode? Send(string method, string path, IReadOnlyDictionary<string, string>? query = null, JsonNode? body = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => SendAsync(method, path, query, body, cancellationToken: cancellationToken), nameof(SendAsync));

    private static string BuildUri(string path, IReadOnlyDictionary<string, string>? query)
    {
        var relative = path.TrimStart('/');
        if (query is null || query.Count == 0)
        {
            return relative;
        }

        var pairs = query.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}");
        return $"{relative}?{string.Join('&', pairs)}";
    }

    private static JsonNode? Parse(string text, string operation, HttpStatusCode code)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            if (IsJson(text))
            {
                // JSON whose object names a key twice: which value is meant is anyone's guess.
                throw new SpotApiException(
                    $"{operation} failed: the answer (HTTP {(int)code}) names the same key twice in one object; rsspot does not guess which value is meant.",
                    code,
                    ApiCall.UnexpectedReason,
                    null,
                    operation);
            }

            return JsonValue.Create(text);
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
