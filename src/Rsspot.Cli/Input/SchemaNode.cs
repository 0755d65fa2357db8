using System.Text.Json.Nodes;

namespace Rsspot.Cli.Input;

/// <summary>
/// One place in a JSON Schema document, read for what a user needs to hear about it: its properties (with their
/// spellings), its items, its description and the type it wants. <c>$ref</c>s to the same document are followed.
/// </summary>
internal sealed class SchemaNode(JsonObject document, JsonObject node)
{
    private readonly JsonObject _target = Resolve(document, node);

    /// <summary>The property names this place lists, as the schema spells them (empty when it lists none).</summary>
    public IReadOnlyList<string> PropertyNames => _target["properties"] is JsonObject properties ? [.. properties.Select(p => p.Key)] : [];

    /// <summary>Whether a key this place does not list is refused (<c>additionalProperties: false</c>).</summary>
    public bool ClosesProperties => _target["additionalProperties"] is JsonValue value && value.TryGetValue<bool>(out var open) && !open;

    /// <summary>The property names an object here must have.</summary>
    public IReadOnlyList<string> Required => _target["required"] is JsonArray required ? [.. required.Select(r => r!.GetValue<string>())] : [];

    /// <summary>The description written at this place and the one at the place its <c>$ref</c> points to.</summary>
    public string? Description => string.Join(' ', new[] { Text(node["description"]), Text(_target["description"]) }.Distinct().OfType<string>()) is { Length: > 0 } text ? text : null;

    /// <summary>What JSON type this place wants, in words ("true or false"), when it names its types.</summary>
    public string? Expected => _target["type"] switch
    {
        JsonArray types => string.Join(" or ", types.Select(t => Word(Text(t)))),
        var type when Text(type) is { } name => Word(name),
        _ => null,
    };

    private static string? Word(string? type) => type switch
    {
        "boolean" => "true or false",
        "string" => "text",
        "integer" => "a whole number",
        "number" => "a number",
        "array" => "a list",
        "object" => "a mapping",
        "null" => "null",
        _ => type,
    };

    /// <summary>The schema of property <paramref name="name"/> (spelt as in <see cref="PropertyNames"/>).</summary>
    public SchemaNode? Property(string name) => _target["properties"]?[name] is JsonObject property ? new SchemaNode(document, property) : null;

    /// <summary>The schema of each item of a list here.</summary>
    public SchemaNode? Items => _target["items"] is JsonObject items ? new SchemaNode(document, items) : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject Resolve(JsonObject document, JsonObject node)
    {
        for (var hops = 0; node["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var pointer); hops++)
        {
            node = hops < 32 && SchemaReference.Resolve(document, pointer) is JsonObject target
                ? target
                : throw new InvalidOperationException($"The schema's $ref {pointer} does not lead to a schema.");
        }

        return node;
    }
}
