using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rsspot.Configuration;

/// <summary>
/// Converts config text of any supported format to and from one document tree (<see cref="JsonObject"/>),
/// so reading and editing are written once and unknown keys survive a save.
/// </summary>
internal static partial class ConfigCodecs
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    public static JsonObject Parse(string text, ConfigFormat format, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        JsonNode? root = format switch
        {
            ConfigFormat.Json => ParseJson(text, path),
            ConfigFormat.Toml => ParseToml(text, path),
            _ => ParseYaml(text, path),
        };

        return root switch
        {
            null => [],
            JsonObject obj => obj,
            _ => throw new ConfigException(
                $"Config file '{path}' must contain a mapping of keys (profiles, preferences, ...) at the top level. Fix: start the file with keys such as 'profiles:'.",
                path),
        };
    }

    public static string Serialize(JsonObject root, ConfigFormat format)
    {
        return format switch
        {
            ConfigFormat.Json => root.ToJsonString(IndentedJson) + "\n",
            ConfigFormat.Toml => TomlSerializer.Serialize(ToToml(root), ConfigTomlContext.Default.TomlTable),
            _ => SerializeYaml(root),
        };
    }

    private static JsonNode? ParseJson(string text, string path)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw Unparsable(path, "JSON", (ex.LineNumber ?? 0) + 1, ex);
        }
    }

    private static JsonNode? ParseToml(string text, string path)
    {
        try
        {
            return FromToml(TomlSerializer.Deserialize(text, ConfigTomlContext.Default.TomlTable)!);
        }
        catch (TomlException ex)
        {
            throw Unparsable(path, "TOML", ex.Line, ex);
        }
    }

    private static JsonNode? ParseYaml(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw Unparsable(path, "YAML", ex.Start.Line, ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet reports some truncated documents (an unclosed flow collection at the end) this way.
            throw Unparsable(path, "YAML", null, ex);
        }

        return stream.Documents.Count == 0 ? null : FromYaml(stream.Documents[0].RootNode);
    }

    // Parser messages can quote the offending text, which may be a token: only the line is reported.
    private static ConfigException Unparsable(string path, string format, long? line, Exception inner)
    {
        string where = line is null ? "it ends too early, e.g. an unclosed [ or {" : $"near line {line}";
        return new ConfigException(
            $"Config file '{path}' is not valid {format} ({where}). Fix: correct the syntax there, or move the file away and write a new one.",
            path,
            innerException: new FormatException($"{format} parse error ({where}; {inner.GetType().Name})."));
    }

    private static JsonNode? FromYaml(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach ((YamlNode key, YamlNode value) in mapping.Children)
                {
                    obj[((key as YamlScalarNode)?.Value) ?? key.ToString()] = FromYaml(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (YamlNode item in sequence.Children)
                {
                    array.Add(FromYaml(item));
                }

                return array;
            case YamlScalarNode scalar:
                return scalar.Style is ScalarStyle.Plain or ScalarStyle.Any ? PlainScalar(scalar.Value ?? string.Empty) : JsonValue.Create(scalar.Value ?? string.Empty);
            default:
                return null;
        }
    }

    // YAML 1.2 core schema: only true/false are booleans, so 'yes' stays a string.
    private static JsonNode? PlainScalar(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (YamlInteger().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return JsonValue.Create(integer);
        }

        if (YamlFloat().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    private static string SerializeYaml(JsonObject root)
    {
        var stream = new YamlStream(new YamlDocument(ToYaml(root)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        string text = writer.ToString();

        // YamlStream always ends a document with an explicit "..." marker; config files do not need it.
        return YamlDocumentEnd().Replace(text, string.Empty).TrimEnd() + "\n";
    }

    private static YamlNode ToYaml(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var mapping = new YamlMappingNode();
                foreach ((string key, JsonNode? value) in obj)
                {
                    mapping.Add(new YamlScalarNode(key), ToYaml(value));
                }

                return mapping;
            case JsonArray array:
                var sequence = new YamlSequenceNode();
                foreach (JsonNode? item in array)
                {
                    sequence.Add(ToYaml(item));
                }

                return sequence;
            case null:
                return new YamlScalarNode("null");
            default:
                return node.GetValueKind() switch
                {
                    JsonValueKind.String => StringScalar(node.GetValue<string>()),
                    JsonValueKind.True => new YamlScalarNode("true"),
                    JsonValueKind.False => new YamlScalarNode("false"),
                    JsonValueKind.Null => new YamlScalarNode("null"),
                    _ => new YamlScalarNode(node.ToJsonString()),
                };
        }
    }

    private static YamlScalarNode StringScalar(string value)
    {
        // A string that would read back as another type (or is empty) must be quoted.
        bool ambiguous = PlainScalar(value) is not JsonValue v || !v.TryGetValue(out string? _);
        return new YamlScalarNode(value) { Style = ambiguous ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };
    }

    private static JsonNode? FromToml(object? value)
    {
        return value switch
        {
            TomlTable table => FromTomlTable(table),
            TomlTableArray tables => new JsonArray(tables.Select(t => (JsonNode?)FromTomlTable(t)).ToArray()),
            TomlArray array => new JsonArray(array.Select(FromToml).ToArray()),
            string s => JsonValue.Create(s),
            bool b => JsonValue.Create(b),
            long l => JsonValue.Create(l),
            int i => JsonValue.Create(i),
            double d => JsonValue.Create(d),
            float f => JsonValue.Create((double)f),
            TomlDateTime dt => JsonValue.Create(dt.ToString()),
            DateTimeOffset dto => JsonValue.Create(dto.ToString("O", CultureInfo.InvariantCulture)),
            DateTime dtm => JsonValue.Create(dtm.ToString("O", CultureInfo.InvariantCulture)),
            null => null,
            _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };
    }

    private static JsonObject FromTomlTable(TomlTable table)
    {
        var obj = new JsonObject();
        foreach ((string key, object? value) in table)
        {
            obj[key] = FromToml(value);
        }

        return obj;
    }

    private static TomlTable ToToml(JsonObject obj)
    {
        var table = new TomlTable();
        foreach ((string key, JsonNode? value) in obj)
        {
            // TOML has no null: an unset key is simply absent.
            if (value is not null)
            {
                table[key] = ToTomlValue(value);
            }
        }

        return table;
    }

    private static object ToTomlValue(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                return ToToml(obj);
            case JsonArray array when array.Count > 0 && array.All(i => i is JsonObject):
                var tables = new TomlTableArray();
                foreach (JsonNode? item in array)
                {
                    tables.Add(ToToml((JsonObject)item!));
                }

                return tables;
            case JsonArray array:
                var list = new TomlArray();
                foreach (JsonNode? item in array)
                {
                    if (item is not null)
                    {
                        list.Add(ToTomlValue(item));
                    }
                }

                return list;
            default:
                string raw = node.ToJsonString();
                return node.GetValueKind() switch
                {
                    JsonValueKind.String => node.GetValue<string>(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number when long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) => l,
                    JsonValueKind.Number => double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture),
                    _ => raw,
                };
        }
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex YamlInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"(\r?\n)?\.\.\.\s*$")]
    private static partial Regex YamlDocumentEnd();
}
