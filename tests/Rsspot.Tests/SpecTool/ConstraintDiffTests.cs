using Rsspot.SpecTool;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.SpecTool;

public sealed class ConstraintDiffTests
{
    private static readonly string Spec = Path.Combine(RepositoryRoot.Find(), "spec", "spot-api.yaml");

    /// <summary>A published-style excerpt (dotted schema names, inline nested schemas, a CEL pattern rule), written for this test.</summary>
    private const string PublishedExcerpt = """
        {
          "openapi": "3.0.1",
          "info": { "title": "excerpt", "version": "v1" },
          "paths": {},
          "components": {
            "schemas": {
              "io.rxt.ngpc.v1.Region": {
                "type": "object",
                "properties": {
                  "spec": {
                    "type": "object",
                    "required": ["provider"],
                    "properties": {
                      "country": { "type": "string", "minLength": 3, "maxLength": 3 },
                      "provider": {
                        "type": "object",
                        "required": ["providerRegionName", "providerType"],
                        "properties": { "providerRegionName": { "type": "string" }, "providerType": { "type": "string" } }
                      }
                    }
                  }
                }
              },
              "io.rxt.ngpc.v1.SpotNodePool": {
                "type": "object",
                "properties": {
                  "spec": {
                    "type": "object",
                    "required": ["bidPrice", "cloudSpace", "desired", "serverClass"],
                    "properties": {
                      "bidPrice": {
                        "type": "string",
                        "x-kubernetes-validations": [{ "rule": "self.matches('^\\\\d+(\\\\.\\\\d{1,3})?$')", "message": "three decimals at most" }]
                      },
                      "customTaints": { "type": "array", "readOnly": true, "items": { "type": "object", "required": ["effect", "key"] } }
                    }
                  },
                  "status": { "type": "object", "readOnly": true, "required": ["bidStatus"], "properties": { "bidStatus": { "type": "string" } } }
                }
              }
            }
          }
        }
        """;

    [Theory]
    [InlineData("required", "      required: [name]", "", "", "", "`(root)`: missing `required name`")]
    [InlineData("minLength", "", "          minLength: 3", "", "", "`name`: missing `minLength: 3`")]
    [InlineData("maxLength", "", "          maxLength: 3", "", "          maxLength: 4", "`name`: changed `maxLength: 3 -> 4`")]
    [InlineData("pattern", "", "          pattern: '^[a-z]+$'", "", "          pattern: '^[a-z0-9]+$'", "`name`: changed `pattern: ^[a-z]+$ -> ^[a-z0-9]+$`")]
    [InlineData("enum", "", "          enum: [a, b]", "", "          enum: [a, c]", "`name`: changed `enum: a, b -> a, c`")]
    [InlineData("minimum", "", "          minimum: 0", "", "", "`name`: missing `minimum: 0`")]
    [InlineData("maximum", "", "          maximum: 10", "", "          maximum: 20", "`name`: changed `maximum: 10 -> 20`")]
    [InlineData("format", "", "          format: date-time", "", "          format: date", "`name`: changed `format: date-time -> date`")]
    [InlineData("nullable", "", "          nullable: true", "", "", "`name`: missing `nullable`")]
    [InlineData("readOnly", "", "          readOnly: true", "", "", "`name`: missing `readOnly`")]
    [InlineData("added required", "", "", "      required: [name]", "", "`(root)`: added `required name` (undocumented")]
    [InlineData("added pattern", "", "", "", "          pattern: '^[a-z]+$'", "`name`: added `pattern: ^[a-z]+$` (undocumented")]
    public void Diff_exits_1_on_a_published_constraint_the_spec_lacks_or_contradicts(string kind, string upstreamRoot, string upstreamName, string specRoot, string specName, string expected)
    {
        using var dir = new TempDirectory();

        var (code, output) = Diff(dir, Thing(upstreamRoot, upstreamName), Thing(specRoot, specName));

        Assert.True(code == 1, $"{kind}: {output}");
        Assert.Contains($"### Thing\n- {expected}", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stricter_constraint_the_spec_explains_passes_and_is_listed_with_its_reason()
    {
        using var dir = new TempDirectory();
        var note = "          x-rsspot-stricter: Three upper-case letters.";

        var (code, output) = Diff(dir, Thing(string.Empty, "          maxLength: 3"), Thing(string.Empty, $"          maxLength: 3\n          pattern: '^[A-Z]{{3}}$'\n{note}"));

        Assert.True(code == 0, output);
        Assert.Contains("- `name`: added `pattern: ^[A-Z]{3}$` (stricter: Three upper-case letters.)", output, StringComparison.Ordinal);
        Assert.Contains("constraints missing or undocumented: 0, documented stricter: 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explained_departure_does_not_excuse_a_missing_constraint()
    {
        using var dir = new TempDirectory();

        var (code, output) = Diff(dir, Thing(string.Empty, "          minLength: 3"), Thing(string.Empty, "          x-rsspot-stricter: A reason."));

        Assert.Equal(1, code);
        Assert.Contains("`name`: missing `minLength: 3`", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_constraints_report_nothing()
    {
        using var dir = new TempDirectory();
        var both = Thing("      required: [name]", "          minLength: 1\n          format: email");

        var (code, output) = Diff(dir, both, both);

        Assert.True(code == 0, output);
        Assert.Contains("every published constraint is in the spec", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_spec_keeps_the_constraints_of_a_published_style_excerpt()
    {
        using var dir = new TempDirectory();

        var (code, output) = DiffWithSpec(dir, PublishedExcerpt);

        Assert.True(code == 0, output);
        Assert.Contains("constraints missing or undocumented: 0", output, StringComparison.Ordinal);
        Assert.Contains("`spec.country`: added `pattern: ^[A-Z]{3}$` (stricter:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_published_CEL_pattern_that_differs_is_reported_as_a_changed_pattern()
    {
        using var dir = new TempDirectory();

        var (code, output) = DiffWithSpec(dir, PublishedExcerpt.Replace("{1,3}", "{1,2}", StringComparison.Ordinal));

        Assert.Equal(1, code);
        Assert.Contains(@"`spec.bidPrice`: changed `pattern: ^\d+(\.\d{1,2})?$ -> ^\d+(\.\d{1,3})?$`", output, StringComparison.Ordinal);
    }

    private static string Thing(string root, string name) => $"""
        openapi: 3.0.3
        info:
          title: t
          version: v1
        paths: {"{}"}
        components:
          schemas:
            Thing:
              type: object
        {root}
              properties:
                name:
                  type: string
        {name}
        """;

    private static (int Code, string Output) Diff(TempDirectory dir, string upstream, string spec)
    {
        var upstreamPath = Path.Combine(dir.Path, "upstream.yaml");
        var specPath = Path.Combine(dir.Path, "spec.yaml");
        File.WriteAllText(upstreamPath, upstream);
        File.WriteAllText(specPath, spec);
        return Run("diff", upstreamPath, specPath);
    }

    private static (int Code, string Output) DiffWithSpec(TempDirectory dir, string upstreamJson)
    {
        var upstreamPath = Path.Combine(dir.Path, "upstream.json");
        File.WriteAllText(upstreamPath, upstreamJson);
        return Run("diff", upstreamPath, Spec);
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = SpecCommands.Run(args, output, errors);
        return (code, output + errors.ToString());
    }
}
