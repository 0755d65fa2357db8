using System.Text.Json;

using Rsspot.Security;
using Rsspot.Serialization;

namespace Rsspot.Http;

/// <summary>
/// Refuses answers whose body is not JSON: an HTML page with 200 (a captive portal, a proxy), a body of another
/// content type, or text that does not parse. Runs above the retry handler, so a 502 HTML page from a proxy is
/// still retried and only the last answer is judged.
/// With <see cref="KeepParsed"/>, the check is the parse: the document it builds stays with the body for the request
/// adapter, which maps it without reading the body a second time.
/// </summary>
internal sealed class JsonResponseHandler : DelegatingHandler
{
    /// <summary>Keeps the parsed document of a valid body with it (<see cref="BufferedContent.TakeJson"/>).</summary>
    public bool KeepParsed { get; init; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is not BufferedContent { Bytes.Length: > 0 } body)
        {
            return response;
        }

        var type = response.Content.Headers.ContentType?.MediaType;
        var problem = !IsJsonType(type) ? $"{ServerText.Clean(type) ?? "no content type"} where JSON was expected"
            : !IsValidJson(body, KeepParsed) ? $"invalid JSON ({type})"
            : null;
        if (problem is null)
        {
            return response;
        }

        var code = (int)response.StatusCode;
        var status = response.StatusCode;
        response.Dispose();
        throw new UnexpectedResponseException($"the server answered HTTP {code} with {problem}", status);
    }

    internal static bool IsJsonType(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsValidJson(BufferedContent body, bool keep)
    {
        var bytes = body.Bytes.Span;
        if (!keep || PooledJsonBody.HasBom(bytes))
        {
            return IsValidJson(bytes);
        }

        if (PooledJsonBody.TryParseChecked(bytes) is not { } parsed)
        {
            return false;
        }

        body.KeepJson(parsed);
        return true;
    }

    private static bool IsValidJson(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = PooledJsonBody.MaxDepth });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
