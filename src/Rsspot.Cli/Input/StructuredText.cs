using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Rsspot.Cli.Input;

/// <summary>
/// Reads YAML or JSON text (YAML is a superset of JSON) into a JSON tree, scalars typed by the YAML 1.2 core schema
/// (<see cref="YamlCoreScalar"/>). Depth and alias expansion are bounded; mapping keys must be text.
/// </summary>
internal static class StructuredText
{
    public static JsonNode? Parse(string text)
    {
        var stream = Security.BoundedYaml.Load(text);
        return stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
    }

    /// <summary>Every document of a YAML stream (documents separated by <c>---</c>), in order; empty documents are left out.</summary>
    public static IReadOnlyList<JsonNode?> ParseAll(string text) =>
        [.. Security.BoundedYaml.Load(text).Documents.Select(d => ToJson(d.RootNode)).Where(n => n is not null)];

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(Key(kv.Key), ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode scalar => YamlCoreScalar.ToJson(scalar),
        _ => null,
    };

    private static string Key(YamlNode key) => key is YamlScalarNode { Value: { } text }
        ? text
        : throw new InvalidDataException($"line {key.Start.Line} has a key that is not text (a list or mapping used as a key)");
}
