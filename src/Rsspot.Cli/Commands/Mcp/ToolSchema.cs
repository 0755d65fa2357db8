using System.Text.Json.Nodes;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// A tool's input schema, declared in code (no reflection over method signatures, so it trims and runs under Native
/// AOT). The same object is what <c>tools/list</c> publishes and what every call is validated against before it runs,
/// so the two cannot drift. Every limit the server enforces is in it; rules that span arguments are listed with the
/// message an agent gets when one is broken.
/// </summary>
internal sealed class ToolSchema
{
    /// <summary>The longest text any argument takes (names, versions, selectors).</summary>
    public const int MaxText = 253;

    /// <summary>The most items any list argument takes.</summary>
    public const int MaxItems = 50;

    private const string CloudspacePattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    private const string PoolPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private readonly JsonObject _properties = [];
    private readonly List<string> _required = [];
    private readonly List<(JsonObject Schema, string Message)> _rules = [];

    /// <summary>The argument names, in declaration order.</summary>
    public IEnumerable<string> Names => _properties.Select(p => p.Key);

    /// <summary>Rules over several arguments, each with what to tell an agent that breaks it.</summary>
    public IReadOnlyList<(JsonObject Schema, string Message)> Rules => _rules;

    public ToolSchema String(string name, string description, bool required = false, string? pattern = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = MaxText, ["description"] = description };
        if (pattern is not null)
        {
            schema["pattern"] = pattern;
        }

        return Add(name, required, schema);
    }

    /// <summary>A long text argument (a document such as a YAML spec), at most <paramref name="maxLength"/> characters.</summary>
    public ToolSchema Text(string name, string description, int maxLength, bool required = false) =>
        Add(name, required, new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = maxLength, ["description"] = description });

    public ToolSchema Cloudspace(string name, string description, bool required = false) =>
        Add(name, required, new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = 63, ["pattern"] = CloudspacePattern, ["description"] = description + " A DNS label: a-z, 0-9 and '-', at most 63 characters." });

    public ToolSchema Pool(string name, string description, bool required = false) =>
        Add(name, required, new JsonObject { ["type"] = "string", ["pattern"] = PoolPattern, ["description"] = description + " A lower-case UUID." });

    public ToolSchema Integer(string name, string description, int minimum, int maximum, bool required = false) =>
        Add(name, required, new JsonObject { ["type"] = "integer", ["minimum"] = minimum, ["maximum"] = maximum, ["description"] = description });

    /// <summary>An integer that takes only <paramref name="values"/>.</summary>
    public ToolSchema Integers(string name, string description, params int[] values) =>
        Add(name, required: false, new JsonObject { ["type"] = "integer", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]), ["description"] = description });

    /// <summary>A number above <paramref name="above"/> (or at least <paramref name="atLeast"/>) and at most <paramref name="maximum"/>.</summary>
    public ToolSchema Number(string name, string description, decimal maximum, decimal? above = null, decimal? atLeast = null, bool required = false)
    {
        var schema = new JsonObject { ["type"] = "number", ["maximum"] = maximum, ["description"] = description };
        if (above is { } a)
        {
            schema["exclusiveMinimum"] = a;
        }

        if (atLeast is { } l)
        {
            schema["minimum"] = l;
        }

        return Add(name, required, schema);
    }

    public ToolSchema Boolean(string name, string description) =>
        Add(name, required: false, new JsonObject { ["type"] = "boolean", ["description"] = description });

    public ToolSchema Strings(string name, string description) => Add(name, required: false, new JsonObject
    {
        ["type"] = "array",
        ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = MaxText },
        ["minItems"] = 1,
        ["maxItems"] = MaxItems,
        ["description"] = description,
    });

    public ToolSchema OneOf(string name, string description, params string[] values) => Add(name, required: false, new JsonObject
    {
        ["type"] = "string",
        ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]),
        ["description"] = description,
    });

    /// <summary>At least one of <paramref name="names"/> must be given.</summary>
    public ToolSchema AnyOf(string message, params string[] names)
    {
        _rules.Add((new JsonObject { ["anyOf"] = new JsonArray([.. names.Select(n => (JsonNode)Required(n))]) }, message));
        return this;
    }

    /// <summary><paramref name="first"/> and <paramref name="second"/> come together or not at all.</summary>
    public ToolSchema Together(string first, string second)
    {
        var both = Required(first, second);
        var neither = new JsonObject { ["not"] = new JsonObject { ["anyOf"] = new JsonArray(Required(first), Required(second)) } };
        _rules.Add((new JsonObject { ["anyOf"] = new JsonArray(both, neither) }, $"give both '{first}' and '{second}', or neither."));
        return this;
    }

    /// <summary>Adds <c>offset</c> and <c>limit</c> for a listing that can be long.</summary>
    public ToolSchema Paged() =>
        Integer("offset", "Skip this many items (from next_offset of the previous page).", 0, 1_000_000)
        .Integer("limit", $"At most this many items (default {ToolResults.DefaultPageSize}, max {ToolResults.MaxPageSize}).", 1, ToolResults.MaxPageSize);

    /// <summary>The published schema; <paramref name="profile"/> adds the <c>profile</c> argument where the server allows one.</summary>
    public JsonObject Build(JsonObject? profile)
    {
        var properties = (JsonObject)_properties.DeepClone();
        if (profile is not null)
        {
            properties["profile"] = profile;
        }

        var schema = new JsonObject
        {
            ["$schema"] = Shape.Draft,
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        if (_required.Count > 0)
        {
            schema["required"] = new JsonArray([.. _required.Select(r => (JsonNode)r)]);
        }

        if (_rules.Count > 0)
        {
            schema["allOf"] = new JsonArray([.. _rules.Select(r => r.Schema.DeepClone())]);
        }

        return schema;
    }

    private static JsonObject Required(params string[] names) => new() { ["required"] = new JsonArray([.. names.Select(n => (JsonNode)n)]) };

    private ToolSchema Add(string name, bool required, JsonObject schema)
    {
        _properties[name] = schema;
        if (required)
        {
            _required.Add(name);
        }

        return this;
    }
}
