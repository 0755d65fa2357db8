using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tomlyn;
using Rsspot.Security;
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

    private static readonly JsonDocumentOptions JsonReading = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
        MaxDepth = BoundedYaml.MaxDepth,
    };

    public static JsonObject Parse(string text, ConfigFormat format, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        JsonNode? root;
        try
        {
            root = format switch
            {
                ConfigFormat.Json => ParseJson(text, path),
                ConfigFormat.Toml => ParseToml(text, path),
                _ => ParseYaml(text, path),
            };
        }
        catch (InvalidDataException ex)
        {
            throw new ConfigException(
                $"Config file '{path}' is refused: {ex.Message}. Fix: a config file is a small mapping of profiles and preferences; replace this one, or move it away and run 'rsspot configure'.",
                path,
                innerException: ex);
        }

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
            return JsonNode.Parse(text, documentOptions: JsonReading);
        }
        catch (JsonException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"the document nests deeper than {BoundedYaml.MaxDepth} levels (near line {(ex.LineNumber ?? 0) + 1})", ex);
        }
        catch (JsonException ex) when (ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        {
            throw DuplicateKey(path, "JSON", (ex.LineNumber ?? 0) + 1, ex);
        }
        catch (JsonException ex)
        {
            throw Unparsable(path, "JSON", (ex.LineNumber ?? 0) + 1, ex);
        }
    }

    private static JsonNode? ParseToml(string text, string path)
    {
        TomlNesting.Check(text);

        // Semantic validation finds what the deserializer lets pass: a key defined twice.
        var syntax = Tomlyn.Parsing.SyntaxParser.Parse(text, path, validate: true);
        if (syntax.HasErrors)
        {
            var first = syntax.Diagnostics[0];
            var inner = new FormatException(first.Kind.ToString());
            long line = first.Span.Start.Line + 1;
            throw first.Message.Contains("already", StringComparison.OrdinalIgnoreCase) || first.Message.Contains("uplicate", StringComparison.Ordinal)
                ? DuplicateKey(path, "TOML", line, inner)
                : Unparsable(path, "TOML", line, inner);
        }

        try
        {
            return FromToml(TomlSerializer.Deserialize(text, ConfigTomlContext.Default.TomlTable)!, 0);
        }
        catch (TomlException ex) when (ex.Message.Contains("uplicate", StringComparison.Ordinal) || ex.Message.Contains("already", StringComparison.Ordinal))
        {
            throw DuplicateKey(path, "TOML", ex.Line, ex);
        }
        catch (TomlException ex)
        {
            throw Unparsable(path, "TOML", ex.Line, ex);
        }
    }

    private static JsonNode? ParseYaml(string text, string path)
    {
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(text);
        }
        catch (YamlException ex) when (ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase))
        {
            throw DuplicateKey(path, "YAML", ex.Start.Line, ex);
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

    private static ConfigException DuplicateKey(string path, string format, long? line, Exception inner)
    {
        return new ConfigException(
            $"Config file '{path}' has a key twice (near line {line}). Fix: keep one of the two; {format} does not say which would win.",
            path,
            innerException: new FormatException($"{format} duplicate key (near line {line}; {inner.GetType().Name})."));
    }

    private static void RequireDepth(int depth)
    {
        if (depth > BoundedYaml.MaxDepth)
        {
            throw new InvalidDataException($"the document nests deeper than {BoundedYaml.MaxDepth} levels");
        }
    }

    private static JsonNode? FromYaml(YamlNode node, int depth = 0)
    {
        RequireDepth(depth);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach ((YamlNode key, YamlNode value) in mapping.Children)
                {
                    obj[((key as YamlScalarNode)?.Value) ?? key.ToString()] = FromYaml(value, depth + 1);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (YamlNode item in sequence.Children)
                {
                    array.Add(FromYaml(item, depth + 1));
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

    private static JsonNode? FromToml(object? value, int depth)
    {
        RequireDepth(depth);
        return value switch
        {
            TomlTable table => FromTomlTable(table, depth),
            TomlTableArray tables => new JsonArray(tables.Select(t => (JsonNode?)FromTomlTable(t, depth + 1)).ToArray()),
            TomlArray array => new JsonArray(array.Select(item => FromToml(item, depth + 1)).ToArray()),
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

    private static JsonObject FromTomlTable(TomlTable table, int depth)
    {
        var obj = new JsonObject();
        foreach ((string key, object? value) in table)
        {
            obj[key] = FromToml(value, depth + 1);
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
