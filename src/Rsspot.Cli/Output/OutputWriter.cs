using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Output;

/// <summary>Prints a command's result in the chosen format and shape; json and yaml are redacted and stable.</summary>
internal sealed class OutputWriter
{
    private readonly TextWriter _out;
    private readonly Terminal _terminal;

    public OutputWriter(TextWriter output, Terminal terminal, OutputFormat format, OutputShape shape = OutputShape.Native)
    {
        _out = output;
        _terminal = terminal;
        Format = format;
        Shape = shape;
    }

    public OutputFormat Format { get; }

    /// <summary>Whose JSON/YAML shapes are printed (see <see cref="OutputShapeChoice"/>).</summary>
    public OutputShape Shape { get; }

    public bool IsTable => Format == OutputFormat.Table;

    /// <summary>
    /// Whether json/yaml in the Python rsspot's shape is printed: its shape was chosen, or spotctl's for a command
    /// whose spotctl output is not known (<paramref name="hasSpotctlShape"/> false), which falls back to it.
    /// </summary>
    public bool PrintsPythonShape(bool hasSpotctlShape) => !IsTable && (Shape == OutputShape.Python || (Shape == OutputShape.Spotctl && !hasSpotctlShape));

    /// <summary>Whether json/yaml in spotctl's shape is printed.</summary>
    public bool PrintsSpotctlShape => !IsTable && Shape == OutputShape.Spotctl;

    /// <summary>Writes <paramref name="data"/> as json/yaml, or the table built by <paramref name="table"/>.</summary>
    public void Write(JsonNode? data, Func<TableView> table) => Write(() => data, table);

    /// <summary>
    /// Writes the tree built by <paramref name="data"/> as json/yaml, or the table built by <paramref name="table"/>;
    /// only the one the format needs is built (a table read straight from models skips the JSON round trip).
    /// For results that have one shape only: commands of this tool alone.
    /// </summary>
    public void Write(Func<JsonNode?> data, Func<TableView> table) => Write(new JsonShapes(data), table);

    /// <summary>Writes the shape <see cref="Shape"/> asks for as json/yaml, or the table.</summary>
    public void Write(JsonShapes data, Func<TableView> table)
    {
        switch (Format)
        {
            case OutputFormat.Json:
                _out.WriteLine(JsonText.Write(OutputRedaction.Redact(data.Build(Shape))));
                break;
            case OutputFormat.Yaml:
                _out.Write(YamlText.Serialize(OutputRedaction.Redact(data.Build(Shape))));
                break;
            default:
                _out.Write(table().Render(_terminal.Colour));
                break;
        }
    }

    /// <summary>A line for people (table mode only; json/yaml stay machine-readable).</summary>
    public void Note(string line)
    {
        if (IsTable)
        {
            _out.WriteLine(string.Join('\n', line.Split('\n').Select(l => Rsspot.Security.ServerText.Clean(l))));
        }
    }

    /// <summary>Raw text the user asked for (a kubeconfig to stdout, a completion script).</summary>
    public void Raw(string text) => _out.Write(text);
}
