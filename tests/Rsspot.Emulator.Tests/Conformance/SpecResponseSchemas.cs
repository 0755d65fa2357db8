using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Readers;

namespace Rsspot.Emulator.Tests.Conformance;

/// <summary>
/// The response schemas of spec/spot-api.yaml as JSON Schema (2020-12): OpenAPI 3.0 component references become
/// <c>$defs</c> references, <c>nullable</c> becomes a <c>"null"</c> type, and extensions (<c>x-...</c>) are dropped.
/// </summary>
internal sealed class SpecResponseSchemas
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonObject _document;
    private readonly JsonObject _defs;
    private readonly ConcurrentDictionary<string, JsonSchema> _built = new(StringComparer.Ordinal);

    private SpecResponseSchemas(JsonObject document)
    {
        _document = document;
        _defs = (JsonObject)Convert(document["components"]!["schemas"]!.DeepClone())!;
    }

    public static SpecResponseSchemas Load(string specPath)
    {
        var openApi = new OpenApiStreamReader().Read(File.OpenRead(specPath), out var diagnostic);
        Assert.True(diagnostic.Errors.Count == 0, string.Join("; ", diagnostic.Errors.Select(e => e.Message)));
        var json = openApi.SerializeAsJson(OpenApiSpecVersion.OpenApi3_0);
        return new SpecResponseSchemas(JsonNode.Parse(json)!.AsObject());
    }

    /// <summary>Every operation of the spec as <c>METHOD /path/template</c>.</summary>
    public IReadOnlySet<string> Operations =>
        _document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => op.Key is "get" or "put" or "post" or "delete" or "patch")
                .Select(op => $"{op.Key.ToUpperInvariant()} {path.Key}"))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The problems of <paramref name="body"/> against the schema of that operation and status; empty when it conforms.</summary>
    public IReadOnlyList<string> Problems(HttpMethod method, string pathTemplate, HttpStatusCode status, string body)
    {
        var operation = _document["paths"]?[pathTemplate]?[method.Method.ToLowerInvariant()]
            ?? throw new ArgumentException($"the spec has no operation {method} {pathTemplate}", nameof(pathTemplate));
        var responses = operation["responses"]!.AsObject();
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var response = responses[code] ?? responses[$"{code[0]}XX"] ?? responses["default"];
        if (response is null)
        {
            return [$"{method} {pathTemplate}: status {code} is not a documented response"];
        }

        if (response["$ref"]?.GetValue<string>() is { } reference)
        {
            response = _document["components"]!["responses"]![reference[(reference.LastIndexOf('/') + 1)..]]!;
        }

        var schemaNode = response["content"]?["application/json"]?["schema"];
        if (schemaNode is null)
        {
            return body.Length == 0 ? [] : [$"{method} {pathTemplate} {code}: the spec documents no JSON body, the answer has one"];
        }

        var key = schemaNode.ToJsonString();
        var schema = _built.GetOrAdd(key, _ => Build(schemaNode));
        using var instance = JsonDocument.Parse(body);
        var result = schema.Evaluate(instance.RootElement, Evaluation);
        return result.IsValid
            ? []
            : (result.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{method} {pathTemplate} {code}: {d.InstanceLocation}: {e.Key}: {e.Value}"))
                .ToList();
    }

    private JsonSchema Build(JsonNode schemaNode)
    {
        var root = (JsonObject)Convert(schemaNode.DeepClone())!;
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _defs.DeepClone();
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        using var document = JsonDocument.Parse(root.ToJsonString());
        return JsonSchema.Build(document.RootElement.Clone(), options, new Uri($"https://rsspot.invalid/schemas/{Guid.NewGuid():N}"));
    }

    private static JsonNode? Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var key in map.Select(kv => kv.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).ToList())
                {
                    map.Remove(key);
                }

                if (Text(map["$ref"]) is { } reference)
                {
                    map["$ref"] = "#/$defs/" + reference[(reference.LastIndexOf('/') + 1)..];
                }

                if (map["nullable"] is JsonValue nullable && nullable.TryGetValue<bool>(out var isNullable))
                {
                    if (isNullable && Text(map["type"]) is { } type)
                    {
                        map["type"] = new JsonArray(type, "null");
                    }

                    map.Remove("nullable");
                }
                foreach (var key in map.Select(kv => kv.Key).ToList())
                {
                    map[key] = Convert(map[key]?.DeepClone());
                }

                return map;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = Convert(list[i]?.DeepClone());
                }

                return list;
            default:
                return node;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
