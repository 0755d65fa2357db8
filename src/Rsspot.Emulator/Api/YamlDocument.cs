using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rsspot.Emulator.Api;

/// <summary>
/// Reads one YAML document into JSON nodes, typing plain scalars by the YAML 1.2 core schema (quoted scalars
/// stay strings, so <c>"0.50"</c> is a string and <c>0.50</c> a number). Duplicate keys, several documents,
/// values JSON cannot hold (<c>.inf</c>, <c>.nan</c>) and alias expansions past a node budget are refused.
/// </summary>
internal static partial class YamlDocument
{
    private const int MaxNodes = 100_000;

    /// <summary>The document as JSON; <see cref="FormatException"/> with a one-line reason when it cannot be read.</summary>
    public static JsonNode? Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException is ArgumentException ? "duplicate key" : ex.Message.Replace("Duplicate key", "duplicate key", StringComparison.Ordinal);
            throw new FormatException($"line {ex.Start.Line}, column {ex.Start.Column}: {reason}", ex);
        }

        if (stream.Documents.Count > 1)
        {
            throw new FormatException("the body holds more than one YAML document");
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        var budget = MaxNodes;
        var converted = Convert(stream.Documents[0].RootNode, ref budget);

        // Through JSON text once, so every value reads like one parsed from a JSON body.
        return converted is null ? null : JsonNode.Parse(converted.ToJsonString());
    }

    private static JsonNode? Convert(YamlNode node, ref int budget)
    {
        if (--budget < 0)
        {
            throw new FormatException($"the document expands to more than {MaxNodes} values");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var map = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode scalarKey)
                    {
                        throw new FormatException($"line {key.Start.Line}: a key must be a plain value, not a list or a map");
                    }

                    var name = scalarKey.Value ?? string.Empty;
                    if (map.ContainsKey(name))
                    {
                        throw new FormatException($"line {key.Start.Line}, column {key.Start.Column}: duplicate key \"{name}\"");
                    }

                    map[name] = Convert(value, ref budget);
                }

                return map;
            case YamlSequenceNode sequence:
                var list = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    list.Add(Convert(item, ref budget));
                }

                return list;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new FormatException($"line {node.Start.Line}: unsupported YAML node");
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (Integer().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                ? JsonValue.Create(whole)
                : JsonValue.Create(decimal.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (Octal().IsMatch(text) || Hexadecimal().IsMatch(text))
        {
            var value = System.Convert.ToInt64(text[2..], text[1] == 'o' ? 8 : 16);
            return JsonValue.Create(value);
        }

        if (Float().IsMatch(text))
        {
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            {
                return JsonValue.Create(exact);
            }

            var approximate = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return double.IsFinite(approximate)
                ? JsonValue.Create(approximate)
                : throw new FormatException($"line {scalar.Start.Line}: the number {text} is too large");
        }

        if (Special().IsMatch(text))
        {
            throw new FormatException($"line {scalar.Start.Line}: {text} has no JSON form");
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]{1,28}$")]
    private static partial Regex Integer();

    [GeneratedRegex("^0o[0-7]{1,21}$")]
    private static partial Regex Octal();

    [GeneratedRegex("^0x[0-9a-fA-F]{1,15}$")]
    private static partial Regex Hexadecimal();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex Special();
}
