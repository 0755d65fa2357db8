using System.Text.Json.Nodes;

namespace Rsspot.Cli.Output;

/// <summary>
/// The JSON of one result in each shape: this tool's own (always), the Python rsspot's and spotctl's where the
/// command exists there. A missing spotctl shape falls back to the Python one, a missing Python shape to our own.
/// Only the shape that is printed is built.
/// </summary>
internal sealed record JsonShapes(Func<JsonNode?> Native, Func<JsonNode?>? Python = null, Func<JsonNode?>? Spotctl = null)
{
    public JsonNode? Build(OutputShape shape) => shape switch
    {
        OutputShape.Spotctl => (Spotctl ?? Python ?? Native)(),
        OutputShape.Python => (Python ?? Native)(),
        _ => Native(),
    };
}
