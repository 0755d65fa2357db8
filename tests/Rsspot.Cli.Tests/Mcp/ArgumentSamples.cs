using System.Text.Json.Nodes;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// Argument values for a tool, read off its published input schema: values the schema accepts and values near its
/// edges that it refuses (wrong type, out of range, not in the enum, bad pattern).
/// </summary>
internal static class ArgumentSamples
{
    /// <summary>The one long text argument the tools take is a clusters-as-code spec (plan_cloudspaces, apply_cloudspaces).</summary>
    public const string SpecSample = "name: mcp-gen-spec\nregion: us-central-dfw-1\n";

    private const string CloudspacePattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    private const string Uuid = "0b9c6c3e-2f55-4f63-9d3c-6a1f1d0e8e21";

    /// <summary>Every required argument with a value the schema accepts.</summary>
    public static JsonObject Required(JsonNode schema)
    {
        var arguments = new JsonObject();
        foreach (var name in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            arguments[name] = Valid(schema["properties"]![name]!);
        }

        return arguments;
    }

    public static JsonNode? Valid(JsonNode property) => Candidates(property).Valid[0]?.DeepClone();

    /// <summary>Values for one property: some the schema accepts, some it refuses.</summary>
    public static (JsonNode?[] Valid, JsonNode?[] Invalid) Candidates(JsonNode property)
    {
        if (property["enum"] is JsonArray values)
        {
            return ([.. values.Select(v => v?.DeepClone())], ["bogus", 70, 80.5, null]);
        }

        return property["type"]!.GetValue<string>() switch
        {
            "string" => Strings(property),
            "integer" => Integers(property),
            "number" => Numbers(property),
            "boolean" => ([true, false], ["true", 1, null]),
            "array" => ([new JsonArray("gp"), new JsonArray("us-central-dfw-1", "vs1")], [new JsonArray(), "gp", new JsonArray(1), new JsonArray(""), null]),
            var other => throw new InvalidOperationException($"no samples for type {other}"),
        };
    }

    private static (JsonNode?[], JsonNode?[]) Strings(JsonNode property) => property["pattern"]?.GetValue<string>() switch
    {
        CloudspacePattern => (["mcp-gen", "a", "mcp-gen-2"], ["Bad_Name", string.Empty, new string('a', 64), "-a", 5, null]),
        { } pattern when pattern.Contains("[0-9a-f]{8}", StringComparison.Ordinal) => ([Uuid, Guid.NewGuid().ToString()], ["not-a-uuid", Uuid.ToUpperInvariant(), string.Empty, null]),
        { } => (["1.31.1", "1.30"], ["v1.31", "latest", string.Empty, 1.31]),
        null when property["maxLength"]?.GetValue<int>() is int max && max > 253 => ([SpecSample], [string.Empty, 7, true, new string('s', max + 1), null]),
        null => (["gp.vs1.medium-dfw", "us-central-dfw-1", "mcp-gen", "env=prod"], [string.Empty, 7, true, new string('s', 254), null]),
    };

    private static (JsonNode?[], JsonNode?[]) Integers(JsonNode property)
    {
        var min = property["minimum"]!.GetValue<int>();
        var max = property["maximum"]!.GetValue<int>();
        return ([min, max, min + ((max - min) / 2)], [min - 1, max + 1L, 1.5, "3", 2147483647L, null]);
    }

    private static (JsonNode?[], JsonNode?[]) Numbers(JsonNode property)
    {
        var max = property["maximum"]!.GetValue<decimal>();
        var valid = new List<JsonNode?> { max, 0.08m };
        var invalid = new List<JsonNode?> { -1, max + 1, "0.08", "$0.08", null };
        if (property["exclusiveMinimum"] is { } above)
        {
            invalid.Add(above.GetValue<decimal>());
        }

        if (property["minimum"] is { } least)
        {
            valid.Add(least.GetValue<decimal>());
            invalid.Add(least.GetValue<decimal>() - 0.001m);
        }

        return ([.. valid], [.. invalid]);
    }
}
