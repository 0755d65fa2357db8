using System.Text.Json;

using Rsspot.Security;

namespace Rsspot.Http;

/// <summary>
/// Refuses answers whose body is not JSON: an HTML page with 200 (a captive portal, a proxy), a body of another
/// content type, or text that does not parse. Runs above the retry handler, so a 502 HTML page from a proxy is
/// still retried and only the last answer is judged.
/// </summary>
internal sealed class JsonResponseHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is not BufferedContent { Bytes.Length: > 0 } body)
        {
            return response;
        }

        var type = response.Content.Headers.ContentType?.MediaType;
        var problem = !IsJsonType(type) ? $"{ServerText.Clean(type) ?? "no content type"} where JSON was expected"
            : !IsValidJson(body.Bytes.Span) ? $"invalid JSON ({type})"
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

    private static bool IsValidJson(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
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
