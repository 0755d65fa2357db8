using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Schema;

/// <summary>
/// Checks a request body against a schema of the spec: <c>required</c>, <c>type</c>, <c>enum</c>, <c>pattern</c>,
/// lengths, bounds and <c>date-time</c> formats, through properties, array items and maps. Each problem becomes a
/// 422 cause naming the field the Kubernetes way (<c>spec.customTaints[0].effect</c>, <c>metadata.labels[team]</c>).
/// The server-owned <c>status</c> of the top-level object is not checked: the server replaces it.
/// </summary>
internal sealed class SchemaValidator(SpecSchemas schemas)
{
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public List<FieldCause> Validate(JsonObject body, string component)
    {
        var causes = new List<FieldCause>();
        var schema = schemas.Component(component);
        var withoutStatus = new JsonObject();
        foreach (var (name, value) in body)
        {
            if (name != "status")
            {
                withoutStatus[name] = value?.DeepClone();
            }
        }

        Check(withoutStatus, schema, string.Empty, causes);
        return causes;
    }

    private void Check(JsonNode? node, JsonObject schema, string path, List<FieldCause> causes)
    {
        schema = schemas.Resolve(schema);
        if (node is null)
        {
            // As Kubernetes prunes a null it was not told to keep, a null counts as absent (see CheckObject).
            return;
        }

        if (Text(schema["type"]) is { } type && !HasType(node, type))
        {
            causes.Add(FieldCause.TypeInvalid(path, type, Kind(node)));
            return;
        }

        switch (node)
        {
            case JsonObject map:
                CheckObject(map, schema, path, causes);
                break;
            case JsonArray list when schema["items"] is JsonObject items:
                for (var i = 0; i < list.Count; i++)
                {
                    Check(list[i], items, $"{path}[{i}]", causes);
                }

                break;
            case JsonValue value:
                CheckValue(value, schema, path, causes);
                break;
        }
    }

    private void CheckObject(JsonObject map, JsonObject schema, string path, List<FieldCause> causes)
    {
        foreach (var required in schema["required"] as JsonArray ?? [])
        {
            if (Text(required) is { } name && (!map.TryGetPropertyValue(name, out var value) || (value is null && !IsNullable(Property(schema, name)))))
            {
                causes.Add(FieldCause.Required(Join(path, name)));
            }
        }

        var properties = schema["properties"] as JsonObject;
        foreach (var (name, value) in map)
        {
            if (properties?[name] is JsonObject property)
            {
                Check(value, property, Join(path, name), causes);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(value, additional, $"{path}[{name}]", causes);
            }
        }
    }

    private void CheckValue(JsonValue value, JsonObject schema, string path, List<FieldCause> causes)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            causes.Add(FieldCause.NotSupported(path, value.ToJsonString(), allowed.Select(a => Text(a) ?? a?.ToJsonString() ?? "null")));
            return;
        }

        if (value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            if (Number(schema["minLength"]) is { } min && text.Length < min)
            {
                causes.Add(FieldCause.Invalid(path, $"\"{text}\": must have at least {min} characters"));
            }
            else if (Number(schema["maxLength"]) is { } max && text.Length > max)
            {
                causes.Add(FieldCause.Invalid(path, $"must have at most {max} characters"));
            }
            else if (Text(schema["pattern"]) is { } pattern && !Pattern(pattern).IsMatch(text))
            {
                causes.Add(FieldCause.Invalid(path, $"\"{text}\": {path} in body should match '{pattern}'"));
            }
            else if (Text(schema["format"]) == "date-time" && !IsDateTime(text))
            {
                causes.Add(FieldCause.Invalid(path, $"\"{text}\": {path} in body must be of type date-time"));
            }
        }
        else if (value.GetValueKind() == JsonValueKind.Number && TryNumber(value, out var number))
        {
            if (Number(schema["minimum"]) is { } minimum && number < minimum)
            {
                causes.Add(FieldCause.Invalid(path, $"{number.ToString(CultureInfo.InvariantCulture)}: {path} in body should be greater than or equal to {minimum.ToString(CultureInfo.InvariantCulture)}"));
            }
            else if (Number(schema["maximum"]) is { } maximum && number > maximum)
            {
                causes.Add(FieldCause.Invalid(path, $"{number.ToString(CultureInfo.InvariantCulture)}: {path} in body should be less than or equal to {maximum.ToString(CultureInfo.InvariantCulture)}"));
            }
        }
    }

    private Regex Pattern(string pattern)
    {
        lock (_patterns)
        {
            if (!_patterns.TryGetValue(pattern, out var regex))
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                _patterns[pattern] = regex;
            }

            return regex;
        }
    }

    private static bool HasType(JsonNode node, string type) => type switch
    {
        "object" => node is JsonObject,
        "array" => node is JsonArray,
        "string" => node.GetValueKind() == JsonValueKind.String,
        "boolean" => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => node.GetValueKind() == JsonValueKind.Number,
        "integer" => node.GetValueKind() == JsonValueKind.Number && TryNumber(node, out var n) && n == decimal.Truncate(n),
        _ => true,
    };

    private static string Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => TryNumber(node, out var n) && n == decimal.Truncate(n) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private JsonObject Property(JsonObject schema, string name) =>
        schema["properties"]?[name] is JsonObject property ? schemas.Resolve(property) : [];

    private static bool IsNullable(JsonObject schema) => schema["nullable"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static bool IsDateTime(string text) =>
        text.Length >= 20 && (text.Contains('T', StringComparison.Ordinal) || text.Contains('t', StringComparison.Ordinal))
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static decimal? Number(JsonNode? node) => node is JsonValue && TryNumber(node, out var n) ? n : null;

    // Through the JSON text, so a value built in code (a long) reads like one parsed from a body.
    private static bool TryNumber(JsonNode node, out decimal number) =>
        decimal.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
}
