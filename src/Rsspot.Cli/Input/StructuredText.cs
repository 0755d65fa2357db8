using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Rsspot.Cli.Input;

/// <summary>Reads YAML or JSON text (YAML is a superset of JSON) into a JSON tree; scalars stay strings. Depth and alias expansion are bounded.</summary>
internal static class StructuredText
{
    public static JsonNode? Parse(string text)
    {
        var stream = Security.BoundedYaml.Load(text);
        return stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? string.Empty, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode scalar => scalar.Value is null || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null") ? null : JsonValue.Create(scalar.Value),
        _ => null,
    };
}
