using System.Text.Json.Nodes;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Schema;

/// <summary>
/// The component schemas of the spec the emulator is built from (<c>spec/spot-api.yaml</c>, embedded at build
/// time), read once per process: the same file that generates the contract decides which bodies are valid.
/// </summary>
internal sealed class SpecSchemas
{
    private const string ResourceName = "Rsspot.Emulator.spot-api.yaml";
    private static readonly Lazy<SpecSchemas> Loaded = new(Load);

    private readonly JsonObject _schemas;

    private SpecSchemas(JsonObject schemas) => _schemas = schemas;

    public static SpecSchemas Shared => Loaded.Value;

    /// <summary>The schema of a component such as <c>CloudSpace</c>; throws when the spec has none.</summary>
    public JsonObject Component(string name) =>
        _schemas[name] as JsonObject ?? throw new KeyNotFoundException($"the spec has no schema {name}");

    /// <summary>Follows a <c>$ref</c> to <c>#/components/schemas/...</c>; any other schema is returned as it is.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        var seen = 0;
        while (schema["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) && seen++ < 32)
        {
            schema = Component(target[(target.LastIndexOf('/') + 1)..]);
        }

        return schema;
    }

    private static SpecSchemas Load()
    {
        using var stream = typeof(SpecSchemas).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the emulator was built without its spec ({ResourceName})");
        using var reader = new StreamReader(stream);
        var document = YamlDocument.Parse(reader.ReadToEnd()) as JsonObject
            ?? throw new InvalidDataException("the embedded spec is not a YAML map");
        return new SpecSchemas(document["components"]?["schemas"] as JsonObject
            ?? throw new InvalidDataException("the embedded spec has no components.schemas"));
    }
}
