using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Output;

/// <summary>Prints a command's result in the chosen format; json and yaml are redacted and stable.</summary>
internal sealed class OutputWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter _out;
    private readonly Terminal _terminal;

    public OutputWriter(TextWriter output, Terminal terminal, OutputFormat format)
    {
        _out = output;
        _terminal = terminal;
        Format = format;
    }

    public OutputFormat Format { get; }

    public bool IsTable => Format == OutputFormat.Table;

    /// <summary>Writes <paramref name="data"/> as json/yaml, or the table built by <paramref name="table"/>.</summary>
    public void Write(JsonNode? data, Func<TableView> table) => Write(() => data, table);

    /// <summary>
    /// Writes the tree built by <paramref name="data"/> as json/yaml, or the table built by <paramref name="table"/>;
    /// only the one the format needs is built (a table read straight from models skips the JSON round trip).
    /// </summary>
    public void Write(Func<JsonNode?> data, Func<TableView> table)
    {
        switch (Format)
        {
            case OutputFormat.Json:
                _out.WriteLine(OutputRedaction.Redact(data())?.ToJsonString(Indented) ?? "null");
                break;
            case OutputFormat.Yaml:
                _out.Write(YamlText.Serialize(OutputRedaction.Redact(data())));
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
