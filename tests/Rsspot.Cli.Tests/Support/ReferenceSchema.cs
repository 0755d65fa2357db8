using System.Text.Json;
using Json.Schema;

namespace Rsspot.Cli.Tests.Support;

/// <summary>A JSON Schema built by the reference implementation (JsonSchema.Net) that the CLI's own evaluation is held to.</summary>
public static class ReferenceSchema
{
    public static JsonSchema Build(string schemaText)
    {
        using var document = JsonDocument.Parse(schemaText);
        return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("https://rsspot.invalid/schema.json"));
    }

    /// <summary>Whether the reference finds <paramref name="documentText"/> valid.</summary>
    public static bool Accepts(this JsonSchema schema, string documentText)
    {
        using var instance = JsonDocument.Parse(documentText);
        return schema.Evaluate(instance.RootElement).IsValid;
    }
}
