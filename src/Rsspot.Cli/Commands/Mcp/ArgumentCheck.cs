using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Cli.Input;
using Rsspot.Security;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Checks a call's arguments against the tool's published input schema (with the CLI's draft 2020-12 evaluator)
/// before anything runs, and says what is wrong in the tool's own argument names: an unknown name with the nearest
/// valid one, a missing one, a value of the wrong type or out of range with what to give instead.
/// </summary>
internal sealed class ArgumentCheck
{
    /// <summary>Every refusal starts with this, so an agent (and a test) can tell a refused call from a failed one.</summary>
    public const string Prefix = "Invalid arguments: ";

    private const int MaxProblems = 3;
    private const int MaxShownValue = 60;

    /// <summary>Names longer than this get no suggestion (the edit distance grows with the name's length).</summary>
    private const int MaxNameForSuggestion = 100;

    private static readonly JsonSerializerOptions Compact = new(McpJson.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonObject _schema;
    private readonly SchemaEvaluator _evaluator;
    private readonly IReadOnlyList<(SchemaEvaluator Rule, string Message)> _rules;
    private readonly string _noProfileReason;

    public ArgumentCheck(JsonObject schema, IReadOnlyList<(JsonObject Schema, string Message)> rules, string noProfileReason)
    {
        _schema = schema;
        _evaluator = new SchemaEvaluator(schema);
        _rules = [.. rules.Select(r => (new SchemaEvaluator((JsonObject)r.Schema.DeepClone()), r.Message))];
        _noProfileReason = noProfileReason;
    }

    private JsonObject Properties => (JsonObject)_schema["properties"]!;

    /// <summary>Null when the schema accepts <paramref name="arguments"/>; else one line naming each problem.</summary>
    public string? Problem(JsonObject arguments)
    {
        var refusals = _evaluator.Evaluate(arguments);
        if (refusals.Count == 0)
        {
            return null;
        }

        var problems = new List<string>();
        foreach (var name in refusals.Where(r => r.Path.Count > 0).Select(r => r.Path[0]).Distinct(StringComparer.Ordinal))
        {
            problems.Add(Describe(name, arguments[name], [.. refusals.Where(r => r.Path.Count > 0 && r.Path[0] == name)]));
        }

        if (refusals.Any(r => r.Path.Count == 0 && r.Keyword == "required"))
        {
            var missing = ((JsonArray)_schema["required"]!).Select(r => r!.GetValue<string>()).Where(r => !arguments.ContainsKey(r));
            problems.AddRange(missing.Select(m => $"'{m}' is required: {Description(m)}"));
        }

        problems.AddRange(_rules.Where(r => r.Rule.Evaluate(arguments).Count > 0).Select(r => r.Message));
        if (problems.Count == 0)
        {
            problems.Add("the arguments must be an object of the names this tool lists.");
        }

        return Prefix + string.Join("; ", problems.Take(MaxProblems));
    }

    private string Describe(string name, JsonNode? value, IReadOnlyList<SchemaRefusal> refusals)
    {
        if (Properties[name] is not JsonObject property)
        {
            return Unknown(name);
        }

        var keywords = refusals.Select(r => r.Keyword).ToHashSet(StringComparer.Ordinal);
        var shown = Shown(value);
        if (keywords.Contains("type"))
        {
            return $"'{name}' is {shown}; it must be {TypeName(property)}.";
        }

        if (keywords.Contains("enum"))
        {
            var values = ((JsonArray)(property["enum"] ?? property["items"]?["enum"])!).Select(v => v!.ToJsonString());
            return $"'{name}' is {shown}; give one of {string.Join(", ", values)}.";
        }

        if (keywords.Overlaps(["minimum", "maximum", "exclusiveMinimum"]))
        {
            return $"'{name}' is {shown}; give {Range(property)}.";
        }

        if (keywords.Overlaps(["minItems", "maxItems"]))
        {
            return $"'{name}' must list 1 to {ToolSchema.MaxItems} values.";
        }

        return $"'{name}' is {shown}: {Description(name)}";
    }

    private string Unknown(string name)
    {
        if (name == "profile")
        {
            return $"'profile' is not accepted: {_noProfileReason}";
        }

        var valid = Properties.Select(p => p.Key).ToList();
        var near = name.Length > MaxNameForSuggestion ? null : NameSuggestion.Find(name, valid)
            ?? valid.FirstOrDefault(v => name.Split('_', '-', '.').Contains(v, StringComparer.OrdinalIgnoreCase));
        var hint = near is null ? string.Empty : $"; did you mean '{near}'?";
        return $"unknown argument '{Clip(name)}'{hint} This tool takes: {(valid.Count == 0 ? "no arguments" : string.Join(", ", valid))}.";
    }

    private string Description(string name) => Properties[name]?["description"]?.GetValue<string>() ?? string.Empty;

    private static string TypeName(JsonObject property) => property["type"]!.GetValue<string>() switch
    {
        "integer" => "a whole number",
        "number" => "a number (not text)",
        "boolean" => "true or false",
        "array" => "a list of strings",
        _ => "text",
    };

    private static string Range(JsonObject property)
    {
        var low = property["exclusiveMinimum"] is { } above ? $"a number above {above.ToJsonString()}"
            : property["minimum"] is { } least ? $"{least.ToJsonString()}" : null;
        var high = property["maximum"]?.ToJsonString();
        return (low, high) switch
        {
            (null, { } h) => $"at most {h}",
            ({ } l, null) => $"at least {l}",
            ({ } l, { } h) when property["exclusiveMinimum"] is not null => $"{l}, at most {h}",
            ({ } l, { } h) => $"{l} to {h}",
            _ => "a valid value",
        };
    }

    private static string Shown(JsonNode? value) => value is JsonValue text && text.GetValueKind() == JsonValueKind.String
        ? Clip(text.GetValue<string>(), quoted: true)
        : Clip(value?.ToJsonString(Compact) ?? "null", quoted: false);

    /// <summary>At most <see cref="MaxShownValue"/> characters of <paramref name="text"/>, secrets masked (over a wider window, so a whole token is seen).</summary>
    private static string Clip(string text, bool quoted = false)
    {
        var window = text.Length <= 4 * MaxShownValue ? text : text[..(4 * MaxShownValue)];
        var clean = ServerText.Redact(window) ?? string.Empty;
        var head = clean.Length <= MaxShownValue ? clean : clean[..MaxShownValue];
        var shown = quoted ? JsonValue.Create(head).ToJsonString(Compact) : head;
        return text.Length <= MaxShownValue ? shown : string.Create(CultureInfo.InvariantCulture, $"{shown}... ({text.Length} characters)");
    }
}
