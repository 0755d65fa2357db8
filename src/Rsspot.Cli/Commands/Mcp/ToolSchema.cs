using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// A tool's input schema, declared in code (no reflection over method signatures, so it trims and runs under
/// Native AOT). Every tool also takes <c>profile</c>.
/// </summary>
internal sealed class ToolSchema
{
    private readonly JsonObject _properties = new()
    {
        ["profile"] = new JsonObject
        {
            ["type"] = "string",
            ["description"] = "Profile of the rsspot config file to use (another account or organization); default: the server's profile.",
        },
    };

    private readonly JsonArray _required = [];

    public ToolSchema String(string name, string description, bool required = false) => Add(name, "string", description, required);

    public ToolSchema Integer(string name, string description, bool required = false, int? minimum = null, int? maximum = null)
    {
        Add(name, "integer", description, required);
        Limits(name, minimum, maximum);
        return this;
    }

    public ToolSchema Number(string name, string description, bool required = false, decimal? minimum = null)
    {
        Add(name, "number", description, required);
        if (minimum is { } min)
        {
            _properties[name]!["minimum"] = min;
        }

        return this;
    }

    public ToolSchema Boolean(string name, string description) => Add(name, "boolean", description, required: false);

    public ToolSchema Strings(string name, string description)
    {
        _properties[name] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = description };
        return this;
    }

    public ToolSchema OneOf(string name, string description, params string[] values)
    {
        Add(name, "string", description, required: false);
        _properties[name]!["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
        return this;
    }

    /// <summary>Adds <c>offset</c> and <c>limit</c> for a listing that can be long.</summary>
    public ToolSchema Paged() =>
        Integer("offset", "Skip this many items (from next_offset of the previous page).", minimum: 0)
        .Integer("limit", $"At most this many items (default {ToolResults.DefaultPageSize}, max {ToolResults.MaxPageSize}).", minimum: 1, maximum: ToolResults.MaxPageSize);

    public JsonElement ToJson()
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = _properties.DeepClone(), ["additionalProperties"] = false };
        if (_required.Count > 0)
        {
            schema["required"] = _required.DeepClone();
        }

        return JsonSerializer.SerializeToElement(schema, McpJson.Default.JsonNode);
    }

    private ToolSchema Add(string name, string type, string description, bool required)
    {
        _properties[name] = new JsonObject { ["type"] = type, ["description"] = description };
        if (required)
        {
            _required.Add((JsonNode)name);
        }

        return this;
    }

    private void Limits(string name, int? minimum, int? maximum)
    {
        if (minimum is { } min)
        {
            _properties[name]!["minimum"] = min;
        }

        if (maximum is { } max)
        {
            _properties[name]!["maximum"] = max;
        }
    }
}
