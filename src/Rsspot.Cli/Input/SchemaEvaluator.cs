using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rsspot.Cli.Input;

/// <summary>
/// Evaluates a JSON Schema (draft 2020-12) made of the assertion keywords the tool's own schemas use: type,
/// properties, additionalProperties, required, items, anyOf, allOf, oneOf, not, enum, const, pattern, minLength,
/// maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minItems, maxItems and local <c>$ref</c>s.
/// A schema with any other assertion keyword is refused when loaded, so nothing in it goes unchecked.
/// </summary>
/// <remarks>
/// Why not a JSON Schema library: the one the tests use as the reference (JsonSchema.Net) builds its meta-schemas in a
/// module initializer, which a Native AOT executable runs at every start; it doubled the start-up of every
/// command (9 to 21 ms for <c>rsspot --version</c>) to check a file a few commands read. The tests hold this
/// evaluator to that library's verdicts.
/// </remarks>
internal sealed class SchemaEvaluator
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
    };

    private static readonly HashSet<string> Assertions = new(StringComparer.Ordinal)
    {
        "$ref", "type", "properties", "additionalProperties", "required", "items", "anyOf", "allOf", "oneOf", "not", "enum", "const",
        "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
    };

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private readonly JsonObject _document;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    /// <summary>Loads <paramref name="document"/>, checking that every keyword in it is one this evaluator knows.</summary>
    public SchemaEvaluator(JsonObject document)
    {
        _document = document;
        CheckKeywords(document);
    }

    /// <summary>Every place in <paramref name="instance"/> the schema refuses (none: it is valid).</summary>
    public IReadOnlyList<SchemaRefusal> Evaluate(JsonNode? instance)
    {
        var refusals = new List<SchemaRefusal>();
        Evaluate(_document, instance, [], refusals);
        return refusals;
    }

    private bool Evaluate(JsonNode? schema, JsonNode? instance, List<string> path, List<SchemaRefusal> refusals)
    {
        if (schema is JsonValue boolean && boolean.TryGetValue<bool>(out var allowed))
        {
            return allowed || Refuse(refusals, path, "false");
        }

        var valid = true;
        foreach (var (keyword, value) in (JsonObject)schema!)
        {
            valid &= Holds(keyword, value!, instance, path, refusals);
        }

        return valid;
    }

    private bool Holds(string keyword, JsonNode value, JsonNode? instance, List<string> path, List<SchemaRefusal> refusals) => keyword switch
    {
        "$ref" => Evaluate(SchemaReference.Resolve(_document, value.GetValue<string>()), instance, path, refusals),
        "type" => HasType(instance, value) || Refuse(refusals, path, keyword),
        "properties" => Properties((JsonObject)value, instance, path, refusals),
        "additionalProperties" => AdditionalProperties(value, instance, path, refusals),
        "required" => instance is not JsonObject obj || value.AsArray().All(r => obj.ContainsKey(r!.GetValue<string>())) || Refuse(refusals, path, keyword),
        "items" => Items(value, instance, path, refusals),
        "anyOf" => value.AsArray().Count(s => Evaluate(s, instance, path, [])) > 0 || Refuse(refusals, path, keyword),
        "allOf" => value.AsArray().Aggregate(true, (all, s) => Evaluate(s, instance, path, refusals) && all),
        "oneOf" => value.AsArray().Count(s => Evaluate(s, instance, path, [])) == 1 || Refuse(refusals, path, keyword),
        "not" => !Evaluate(value, instance, path, []) || Refuse(refusals, path, keyword),
        "enum" => value.AsArray().Any(v => JsonNode.DeepEquals(v, instance)) || Refuse(refusals, path, keyword),
        "const" => JsonNode.DeepEquals(value, instance) || Refuse(refusals, path, keyword),
        "pattern" => instance is not JsonValue text || text.GetValueKind() != JsonValueKind.String || Matches(value.GetValue<string>(), text.GetValue<string>()) || Refuse(refusals, path, keyword),
        "minLength" => Length(instance) is not { } min || min >= value.GetValue<int>() || Refuse(refusals, path, keyword),
        "maxLength" => Length(instance) is not { } max || max <= value.GetValue<int>() || Refuse(refusals, path, keyword),
        "minimum" => Number(instance) is not { } n1 || n1 >= Number(value) || Refuse(refusals, path, keyword),
        "maximum" => Number(instance) is not { } n2 || n2 <= Number(value) || Refuse(refusals, path, keyword),
        "exclusiveMinimum" => Number(instance) is not { } n3 || n3 > Number(value) || Refuse(refusals, path, keyword),
        "exclusiveMaximum" => Number(instance) is not { } n4 || n4 < Number(value) || Refuse(refusals, path, keyword),
        "minItems" => instance is not JsonArray a1 || a1.Count >= value.GetValue<int>() || Refuse(refusals, path, keyword),
        "maxItems" => instance is not JsonArray a2 || a2.Count <= value.GetValue<int>() || Refuse(refusals, path, keyword),
        _ => true,
    };

    private bool Properties(JsonObject properties, JsonNode? instance, List<string> path, List<SchemaRefusal> refusals)
    {
        var valid = true;
        if (instance is JsonObject obj)
        {
            foreach (var (name, schema) in properties)
            {
                if (obj.TryGetPropertyValue(name, out var value))
                {
                    valid &= Evaluate(schema, value, [.. path, name], refusals);
                }
            }
        }

        return valid;
    }

    private bool AdditionalProperties(JsonNode schema, JsonNode? instance, List<string> path, List<SchemaRefusal> refusals)
    {
        var valid = true;
        if (instance is JsonObject obj)
        {
            var listed = (JsonObject?)Parent(schema)?["properties"];
            foreach (var (name, value) in obj.Where(kv => listed?.ContainsKey(kv.Key) != true))
            {
                valid &= Evaluate(schema, value, [.. path, name], refusals);
            }
        }

        return valid;
    }

    private bool Items(JsonNode schema, JsonNode? instance, List<string> path, List<SchemaRefusal> refusals)
    {
        var valid = true;
        if (instance is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                valid &= Evaluate(schema, array[i], [.. path, i.ToString(CultureInfo.InvariantCulture)], refusals);
            }
        }

        return valid;
    }

    private static bool Refuse(List<SchemaRefusal> refusals, List<string> path, string keyword)
    {
        refusals.Add(new SchemaRefusal([.. path], keyword));
        return false;
    }

    private static bool HasType(JsonNode? instance, JsonNode type) => type is JsonArray types
        ? types.Any(t => HasType(instance, t!.GetValue<string>()))
        : HasType(instance, type.GetValue<string>());

    private static bool HasType(JsonNode? instance, string type) => (type, instance?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        ("null", JsonValueKind.Null) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("string", JsonValueKind.String) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => Number(instance) is { } n && decimal.Truncate(n) == n,
        ("array", JsonValueKind.Array) => true,
        ("object", JsonValueKind.Object) => true,
        _ => false,
    };

    /// <summary>A JSON number's value; numbers beyond decimal's range are compared at their bounds.</summary>
    private static decimal? Number(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        var text = value.ToJsonString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return exact;
        }

        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) switch
        {
            > 0 and < 1 or < 0 and > -1 => 0m,
            var wide => wide > 0 ? decimal.MaxValue : decimal.MinValue,
        };
    }

    /// <summary>A string's length in characters (code points), as JSON Schema counts it.</summary>
    private static int? Length(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? value.GetValue<string>().EnumerateRunes().Count()
        : null;

    private bool Matches(string pattern, string text)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
        {
            regex = _patterns[pattern] = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }

        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static JsonObject? Parent(JsonNode node) => node.Parent as JsonObject;

    private static void CheckKeywords(JsonNode? schema)
    {
        if (schema is not JsonObject obj)
        {
            return;
        }

        foreach (var (keyword, value) in obj)
        {
            if (!Assertions.Contains(keyword) && !Annotations.Contains(keyword))
            {
                throw new InvalidOperationException($"The schema uses '{keyword}', which this build does not check.");
            }

            switch (keyword)
            {
                case "properties" or "$defs":
                    foreach (var (_, sub) in value!.AsObject())
                    {
                        CheckKeywords(sub);
                    }

                    break;
                case "anyOf" or "allOf" or "oneOf":
                    foreach (var sub in value!.AsArray())
                    {
                        CheckKeywords(sub);
                    }

                    break;
                case "items" or "additionalProperties" or "not":
                    CheckKeywords(value);
                    break;
            }
        }
    }
}
