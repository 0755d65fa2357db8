using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Rsspot.Cli.Output;

/// <summary>
/// Writes a JSON tree as YAML through YamlDotNet's emitter (no reflection, so the tool can be compiled ahead of time).
/// Strings that would read back as another type (true, 1.5, null, ...) are double-quoted.
/// </summary>
internal static partial class YamlText
{
    private static readonly TagName NullTag = new("tag:yaml.org,2002:null");

    public static string Serialize(JsonNode? node)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Write(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Write(Emitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Any));
                foreach (var (key, value) in obj)
                {
                    WriteString(emitter, key);
                    Write(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Any));
                foreach (var item in array)
                {
                    Write(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                WriteString(emitter, value.GetValue<string>());
                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number:
                Plain(emitter, value.ToJsonString());
                break;
            default:
                emitter.Emit(new Scalar(AnchorName.Empty, NullTag, string.Empty, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    // Control characters (C0, DEL, C1, a lone \r), bidi controls and separators force double quotes, where the
    // emitter writes them as escapes: readers get the text back unchanged and no terminal showing the file sees them.
    private static void WriteString(Emitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ReadsAsOtherType(text) || NeedsEscapes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));

    private static bool NeedsEscapes(string text) => ServerTextEscapes.NeedsEscaping(text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal));

    private static void Plain(Emitter emitter, string text) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private static bool ReadsAsOtherType(string text) => text.Length == 0 || NonStringScalar().IsMatch(text);

    // YAML 1.2 core schema null/bool/int/float, plus the YAML 1.1 booleans older parsers still apply.
    [GeneratedRegex(@"^(null|Null|NULL|~|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NonStringScalar();
}
