using System.Text.Json.Nodes;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Output schemas (JSON Schema draft 2020-12) in a few words: every property of an object is listed, present (null
/// where the API gave nothing) and nothing else is there, so a test that validates each result catches any drift.
/// </summary>
internal static class Shape
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public static JsonObject String() => Type("string");

    public static JsonObject NullableString() => Type("string", nullable: true);

    public static JsonObject Number() => Type("number");

    public static JsonObject NullableNumber() => Type("number", nullable: true);

    public static JsonObject Integer() => Type("integer");

    public static JsonObject NullableInteger() => Type("integer", nullable: true);

    public static JsonObject Boolean() => Type("boolean");

    public static JsonObject Array(JsonObject items) => new() { ["type"] = "array", ["items"] = items };

    /// <summary>An object with exactly these properties, all present.</summary>
    public static JsonObject Object(params (string Name, JsonObject Schema)[] properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Schema))),
        ["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Name)]),
        ["additionalProperties"] = false,
    };

    /// <summary><paramref name="schema"/>, or null.</summary>
    public static JsonObject Nullable(JsonObject schema)
    {
        schema["type"] = new JsonArray(schema["type"]!.GetValue<string>(), "null");
        return schema;
    }

    /// <summary>A whole list: <c>total</c> and <c>items</c>.</summary>
    public static JsonObject List(JsonObject item) => Object(("total", Integer()), ("items", Array(item)));

    /// <summary>A page of a list: totals, the items, and where the next page starts (null on the last page).</summary>
    public static JsonObject Page(JsonObject item, params (string Name, JsonObject Schema)[] more) => Object(
    [
        ("total", Integer()),
        ("offset", Integer()),
        ("returned", Integer()),
        ("items", Array(item)),
        ("next_offset", NullableInteger()),
        ("note", NullableString()),
        .. more,
    ]);

    /// <summary>The root of an output schema: <paramref name="schema"/> with its draft named.</summary>
    public static JsonObject Root(JsonObject schema)
    {
        var root = new JsonObject { ["$schema"] = Draft };
        foreach (var (key, value) in schema)
        {
            root[key] = value?.DeepClone();
        }

        return root;
    }

    private static JsonObject Type(string type, bool nullable = false) =>
        new() { ["type"] = nullable ? new JsonArray(type, "null") : type };
}
