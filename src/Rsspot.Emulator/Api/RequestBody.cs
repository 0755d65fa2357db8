using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Rsspot.Emulator.Api;

/// <summary>
/// Reads request bodies straight from the stream. The generated contract's [FromBody] parameters are left
/// unbound on purpose (see <c>ContractBodyConvention</c>), so every published media type, form bodies and
/// unknown fields all work. A body with a duplicate key is a 400, never a 500.
/// </summary>
internal static class RequestBody
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    /// <summary>The largest body accepted, as in Kubernetes (3 MiB).</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    /// <summary>Parse options shared by every JSON body the emulator reads: duplicate keys are an error.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <summary>The media type of the request without parameters, in lower case; empty when there is none.</summary>
    public static string MediaType(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            return string.Empty;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }

    public static bool HasMediaType(HttpRequest request, string mediaType) =>
        string.Equals(MediaType(request), mediaType, StringComparison.Ordinal);

    /// <summary>Parses JSON text with duplicate keys refused; <see cref="JsonException"/> when it is not valid JSON.</summary>
    public static JsonNode? ParseJson(string text) => JsonNode.Parse(text, documentOptions: DocumentOptions);

    /// <summary>
    /// Reads the body in the format its media type names (JSON or YAML) when that type is one of
    /// <paramref name="accepted"/>; on failure returns the Status to answer instead.
    /// </summary>
    public static async Task<(JsonNode? Body, ApiOutcome? Error)> ReadAsync(HttpRequest request, IReadOnlyList<string> accepted, CancellationToken cancellationToken)
    {
        var mediaType = MediaType(request);
        if (!accepted.Contains(mediaType))
        {
            return (null, KubeStatus.UnsupportedMediaType(request.ContentType, string.Join(", ", accepted)));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, KubeStatus.TooLarge(MaxBytes));
        }

        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
        }

        var text = await ReadTextAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return (null, KubeStatus.TooLarge(MaxBytes));
        }

        try
        {
            var node = mediaType.EndsWith("yaml", StringComparison.Ordinal) ? YamlDocument.Parse(text) : ParseJson(text);
            return (node, null);
        }
        catch (JsonException ex)
        {
            return (null, KubeStatus.BadRequest("the request body is not valid JSON: " + Describe(ex)));
        }
        catch (FormatException ex)
        {
            return (null, KubeStatus.BadRequest("the request body is not valid YAML: " + ex.Message));
        }
    }

    /// <summary>Reads a body that must be a JSON (or YAML) object.</summary>
    public static async Task<(JsonObject? Body, ApiOutcome? Error)> ReadObjectAsync(HttpRequest request, IReadOnlyList<string> accepted, CancellationToken cancellationToken)
    {
        var (node, error) = await ReadAsync(request, accepted, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return (null, error);
        }

        return node is JsonObject body
            ? (body, null)
            : (null, KubeStatus.BadRequest("the request body must be an object"));
    }

    private static string Describe(JsonException ex) =>
        ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("duplicate", StringComparison.Ordinal)
            ? $"duplicate key ({ex.Message})"
            : ex.Message;

    // Null when the body is longer than MaxBytes.
    private static async Task<string?> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
