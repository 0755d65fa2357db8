using System.Text.RegularExpressions;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Validations;

namespace Rsspot.SpecTool;

/// <summary>OpenAPI validity plus the conventions the project's spec keeps.</summary>
internal static partial class SpecLinter
{
    private const string PriceDataTag = "pricedata";

    public static IReadOnlyList<string> Lint(string path)
    {
        var spec = SpecDocument.Load(path);
        var problems = new List<string>(spec.ReadErrors);
        if (problems.Count > 0)
        {
            return problems;
        }

        problems.AddRange(spec.Document.Validate(ValidationRuleSet.GetDefaultRuleSet())
            .Select(e => spec.Problem(e.Pointer, e.Message)));
        problems.AddRange(Conventions(spec));
        return problems;
    }

    private static IEnumerable<string> Conventions(SpecDocument spec)
    {
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in spec.Operations)
        {
            string Problem(string message) => spec.Problem(op.Pointer, message);
            var id = op.Operation.OperationId;
            if (string.IsNullOrEmpty(id))
            {
                yield return Problem($"operationId is missing; add a camelCase id such as listCloudspaces.");
            }
            else if (!OperationIdPattern().IsMatch(id))
            {
                yield return Problem($"operationId '{id}' is not camelCase letters and digits.");
            }
            else if (!seenIds.Add(id))
            {
                yield return Problem($"operationId '{id}' is used twice.");
            }

            if (op.Operation.Tags.Count == 0)
            {
                yield return Problem($"no tag; tag the operation with its resource.");
            }

            if (string.IsNullOrWhiteSpace(op.Operation.Summary))
            {
                yield return Problem($"no summary; describe the operation in one line.");
            }

            var isPriceData = op.Operation.Tags.Any(t => t.Name == PriceDataTag);
            if (!isPriceData && !op.Operation.Responses.ContainsKey("4XX"))
            {
                yield return Problem($"no 4XX response; API failures must be described (Kubernetes Status).");
            }

            if (op.Method == "GET" && ReturnsList(op.Operation) && !HasQuery(op, "labelSelector"))
            {
                yield return Problem($"list operation without a labelSelector query parameter.");
            }

            if (op.Method == "PATCH" && op.Operation.RequestBody?.Content.ContainsKey("application/merge-patch+json") != true)
            {
                yield return Problem($"PATCH must take an application/merge-patch+json body.");
            }
        }

        foreach (var name in spec.Document.Components?.Schemas.Keys ?? [])
        {
            if (!SchemaNamePattern().IsMatch(name))
            {
                yield return spec.Problem($"#/components/schemas/{name}", "schema name must be PascalCase without dots.");
            }
        }
    }

    private static bool ReturnsList(OpenApiOperation operation) =>
        operation.Responses.TryGetValue("200", out var ok)
        && ok.Content.TryGetValue("application/json", out var media)
        && media.Schema?.Properties.TryGetValue("items", out var items) == true
        && items.Type == "array";

    private static bool HasQuery(SpecOperation op, string name) =>
        op.Operation.Parameters.Concat(op.PathItem.Parameters)
            .Any(p => p.In == ParameterLocation.Query && p.Name == name);

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex OperationIdPattern();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex SchemaNamePattern();
}
