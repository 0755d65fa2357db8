using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Rsspot.Emulator.Api;

/// <summary>
/// Reads request bodies straight from the stream. The generated contract's [FromBody] parameters are left
/// unbound on purpose (see <c>ContractBodyConvention</c>), so merge-patch, form and unknown fields all work.
/// </summary>
internal static class RequestBody
{
    public const string Json = "application/json";
    public const string MergePatch = "application/merge-patch+json";

    public static bool HasMediaType(HttpRequest request, string mediaType)
    {
        var contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var media = (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim();
        return string.Equals(media, mediaType, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads a JSON object body; on failure returns the Status to answer instead.</summary>
    public static async Task<(JsonObject? Body, ApiOutcome? Error)> ReadObjectAsync(HttpRequest request, string mediaType, CancellationToken cancellationToken)
    {
        if (!HasMediaType(request, mediaType))
        {
            return (null, KubeStatus.UnsupportedMediaType(request.ContentType, mediaType));
        }

        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return node is JsonObject body
                ? (body, null)
                : (null, KubeStatus.BadRequest("the request body must be a JSON object"));
        }
        catch (JsonException ex)
        {
            return (null, KubeStatus.BadRequest("the request body is not valid JSON: " + ex.Message));
        }
    }
}
