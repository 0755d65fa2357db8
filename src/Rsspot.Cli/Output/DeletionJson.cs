using System.Text.Json.Nodes;

namespace Rsspot.Cli.Output;

/// <summary>What a delete prints: this tool's summary, or the Python rsspot's Status as the API answered it.</summary>
internal static class DeletionJson
{
    /// <summary>What the Python rsspot prints for a delete: the API's Status as it came (null when the answer had no body).</summary>
    public static JsonNode? PythonStatus(Generated.Api.Models.Status? status) => status is null ? null : ApiTimestamps.Normalize(JsonModels.ToNode(status));

    /// <summary>This tool's shape: what was deleted, its name and the API's Status.</summary>
    public static JsonObject Summary(string kind, string name, Generated.Api.Models.Status? status) => new()
    {
        ["deleted"] = kind,
        ["name"] = name,
        ["status"] = status is null ? null : JsonModels.ToNode(status),
    };
}
