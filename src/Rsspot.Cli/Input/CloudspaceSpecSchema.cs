using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Input;

/// <summary>
/// The JSON Schema of the cloudspace spec format as shipped (schemas/cloudspace-spec.schema.json, embedded in the
/// tool), and the check of a spec against it: keys are first brought to the schema's spellings (a spec may write
/// them in any case, with '-' and '_' ignored), then the schema is evaluated, and its first complaint becomes one
/// line that names the key, the value and what the schema says of it.
/// </summary>
internal sealed class CloudspaceSpecSchema
{
    private const string ResourceName = "Rsspot.Cli.cloudspace-spec.schema.json";
    private static readonly Lazy<CloudspaceSpecSchema> ShippedSchema = new(() => new CloudspaceSpecSchema(Text()));

    private readonly JsonObject _document;
    private readonly SchemaEvaluator _schema;

    private CloudspaceSpecSchema(string text)
    {
        _document = JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException("The cloudspace spec schema is not a JSON object.");
        _schema = new SchemaEvaluator(_document);
    }

    /// <summary>The schema the tool ships.</summary>
    public static CloudspaceSpecSchema Shipped => ShippedSchema.Value;

    /// <summary>The schema's text, as shipped.</summary>
    public static string Text()
    {
        using var stream = typeof(CloudspaceSpecSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The cloudspace spec schema is missing from this build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// <paramref name="spec"/> with every key spelt as the schema spells it, checked against the schema.
    /// <paramref name="source"/> ("--file: 'demo.yaml'") starts every complaint.
    /// </summary>
    /// <exception cref="CliUsageException">A key is unknown or given twice, or the schema refuses the spec.</exception>
    public JsonObject Check(JsonObject spec, string source)
    {
        var root = new SchemaNode(_document, _document);
        var conformed = SchemaKeySpellings.Conform(spec, root, source);
        var refusals = _schema.Evaluate(conformed);
        if (refusals.Count > 0)
        {
            throw new CliUsageException($"{source}: {SchemaComplaint.Describe(refusals, conformed, root)}");
        }

        return conformed;
    }
}
