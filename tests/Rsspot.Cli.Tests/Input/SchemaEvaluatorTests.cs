using System.Text.Json.Nodes;
using CsCheck;
using Rsspot.Cli.Input;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Input;

/// <summary>
/// The CLI's schema evaluator gives the verdicts of a reference JSON Schema implementation (JsonSchema.Net): on the
/// shipped cloudspace spec schema and on a schema that uses every keyword the evaluator knows, for generated documents.
/// </summary>
public sealed class SchemaEvaluatorTests
{
    private const string Uuid = "0b9c6c3e-2f55-4f63-9d3c-6a1f1d0e8e21";

    /// <summary>Every keyword the evaluator checks, each where a generated document can pass or fail it.</summary>
    private const string EveryKeyword = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": {
            "name": { "type": "string", "minLength": 2, "maxLength": 4, "pattern": "^[a-z]+$" },
            "label": { "minLength": 2, "maxLength": 3 },
            "count": { "type": "integer", "minimum": 1, "maximum": 3 },
            "ratio": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1 },
            "kind": { "enum": ["a", "b", 1, null] },
            "fixed": { "const": true },
            "either": { "oneOf": [{ "type": "integer" }, { "type": "number", "minimum": 0 }] },
            "all": { "allOf": [{ "type": ["string", "null"] }, { "not": { "const": "x" } }] },
            "list": { "type": "array", "minItems": 1, "maxItems": 2, "items": { "$ref": "#/$defs/item" } },
            "open": { "type": "object", "required": ["name"], "additionalProperties": { "type": ["boolean", "object"] } }
          },
          "additionalProperties": { "type": ["integer", "string", "null"] },
          "$defs": {
            "item": { "anyOf": [{ "type": "string", "pattern": "^[0-9]+$" }, { "type": "integer", "minimum": 0 }] }
          }
        }
        """;

    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf(
        Gen.Const((JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Int[-3, 5].Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Int[-300, 300].Select(i => (JsonNode?)JsonValue.Create(i / 100m)),
        Gen.OneOf("1.0", "2.50", "1e2", "0.0", "-0").Select(n => JsonNode.Parse(n)),
        Gen.OneOf("", "0", "12", "-1", "x", "a", "ab", "abcd", "abcde", "Ab", "$0.08", "0.08", "$", ".5", "0.0", "abc", "true",
            "gp.vs1.medium-dfw", Uuid, "Bad_Name", "demo", "a-b", "-a", new string('a', 63), new string('a', 64), "ü", "日本", "😀", "😀😀", "ab😀").Select(s => (JsonNode?)JsonValue.Create(s)));

    [Fact]
    public void The_shipped_schema_gets_the_reference_verdict_for_generated_specs()
    {
        var schemaText = CloudspaceSpecSchema.Text();
        var keys = SchemaKeys(JsonNode.Parse(schemaText)!).Concat(["x", "bidPrise", "labels"]).Distinct().ToArray();
        AgreeOn(schemaText, Documents(keys));
    }

    [Fact]
    public void Every_keyword_gets_the_reference_verdict_for_generated_documents()
    {
        AgreeOn(EveryKeyword, Documents(["name", "label", "count", "ratio", "kind", "fixed", "either", "all", "list", "open", "other"]));
    }

    [Theory]
    [InlineData("""{"label":"😀"}""")]
    [InlineData("""{"label":"😀😀"}""")]
    [InlineData("""{"label":"ab😀"}""")]
    [InlineData("""{"label":"abc😀"}""")]
    [InlineData("""{"count":1.0}""")]
    [InlineData("""{"count":3}""")]
    [InlineData("""{"count":3.5}""")]
    [InlineData("""{"count":4}""")]
    [InlineData("""{"ratio":1}""")]
    [InlineData("""{"ratio":0}""")]
    [InlineData("""{"ratio":0.999}""")]
    [InlineData("""{"kind":1.0}""")]
    [InlineData("""{"kind":"c"}""")]
    [InlineData("""{"kind":null}""")]
    [InlineData("""{"either":1}""")]
    [InlineData("""{"either":1.5}""")]
    [InlineData("""{"either":-1.5}""")]
    [InlineData("""{"all":"x"}""")]
    [InlineData("""{"all":null}""")]
    [InlineData("""{"all":1}""")]
    [InlineData("""{"list":[]}""")]
    [InlineData("""{"list":["1","2","3"]}""")]
    [InlineData("""{"list":["1",-1]}""")]
    [InlineData("""{"open":{"name":true}}""")]
    [InlineData("""{"open":{"name":1}}""")]
    [InlineData("""{"open":{}}""")]
    [InlineData("""{"fixed":true}""")]
    [InlineData("""{"fixed":1}""")]
    [InlineData("""{"name":"ab1"}""")]
    [InlineData("""{"name":"abcde"}""")]
    [InlineData("""{"other":1.5}""")]
    [InlineData("""[]""")]
    public void An_edge_document_gets_the_reference_verdict(string document)
    {
        AgreeOn(EveryKeyword, JsonNode.Parse(document));
    }

    [Theory]
    [InlineData("patternProperties")]
    [InlineData("if")]
    [InlineData("uniqueItems")]
    [InlineData("format")]
    public void A_schema_with_a_keyword_it_does_not_check_is_refused_when_loaded(string keyword)
    {
        var schema = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = new JsonObject { [keyword] = new JsonObject() } } };

        var error = Assert.Throws<InvalidOperationException>(() => new SchemaEvaluator(schema));

        Assert.Contains($"'{keyword}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_names_the_place_and_the_keyword()
    {
        var evaluator = new SchemaEvaluator((JsonObject)JsonNode.Parse(EveryKeyword)!);

        var refusals = evaluator.Evaluate(JsonNode.Parse("""{"name":"ab","list":[1,"x"]}"""));

        var refusal = Assert.Single(refusals);
        Assert.Equal(["list", "1"], refusal.Path);
        Assert.Equal("anyOf", refusal.Keyword);
    }

    /// <summary>Objects keyed mostly by <paramref name="keys"/>, nested three deep, so documents often come close to valid.</summary>
    private static Gen<JsonNode?> Documents(string[] keys)
    {
        Gen<JsonNode?> Value(int depth) => depth == 0
            ? Scalar
            : Gen.Frequency((3, Scalar), (3, Object(depth - 1)), (2, Array(depth - 1)));

        Gen<JsonNode?> Object(int depth) =>
            Gen.Select(Gen.OneOf(keys), Value(depth)).Array[0, 4].Select(pairs =>
            {
                var obj = new JsonObject();
                foreach (var (key, value) in pairs)
                {
                    obj[key] = value?.DeepClone();
                }

                return (JsonNode?)obj;
            });

        Gen<JsonNode?> Array(int depth) => Value(depth).Array[0, 3].Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]));

        return Object(3);
    }

    private static void AgreeOn(string schemaText, Gen<JsonNode?> documents)
    {
        var verdicts = new int[2];
        documents.Sample(document => verdicts[AgreeOn(schemaText, document) ? 1 : 0]++, iter: 4000, threads: 1);

        // Both verdicts must be common, or the comparison says little.
        Assert.True(verdicts[0] > 200 && verdicts[1] > 200, $"invalid {verdicts[0]}, valid {verdicts[1]}");
    }

    /// <summary>Asserts both give <paramref name="document"/> one verdict, and returns it.</summary>
    private static bool AgreeOn(string schemaText, JsonNode? document)
    {
        var expected = ReferenceSchema.Build(schemaText).Accepts(document?.ToJsonString() ?? "null");
        var refusals = new SchemaEvaluator((JsonObject)JsonNode.Parse(schemaText)!).Evaluate(document);
        Assert.True(expected == (refusals.Count == 0), $"reference says {(expected ? "valid" : "invalid")}, the evaluator refused {string.Join("; ", refusals.Select(r => $"/{string.Join('/', r.Path)} {r.Keyword}"))}: {document?.ToJsonString()}");
        return expected;
    }

    private static IEnumerable<string> SchemaKeys(JsonNode node) => node switch
    {
        JsonObject obj => (obj["properties"] is JsonObject properties ? properties.Select(p => p.Key) : []).Concat(obj.SelectMany(kv => SchemaKeys(kv.Value!))),
        JsonArray array => array.SelectMany(item => item is null ? [] : SchemaKeys(item)),
        _ => [],
    };
}
