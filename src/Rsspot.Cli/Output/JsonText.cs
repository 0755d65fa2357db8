using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rsspot.Cli.Output;

/// <summary>
/// Writes a JSON tree as ordinary, indented JSON: UTF-8 text is kept as it is (no <c>\u002B</c> for <c>+</c>, no
/// escapes for accented letters), only what JSON requires is escaped, plus the characters
/// <see cref="ServerTextEscapes"/> names. Floating-point numbers the shapes compute are written as Python writes
/// them (<c>1.0</c>, <c>0.009000000000000001</c>), so a shape matches the Python rsspot's text.
/// </summary>
internal static class JsonText
{
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(text, node, 0);
        return text.ToString();
    }

    /// <summary>A JSON string literal of <paramref name="value"/>, escaped as above.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        AppendString(text, value);
        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj when obj.Count == 0:
                text.Append("{}");
                break;
            case JsonObject obj:
                text.Append('{');
                var firstKey = true;
                foreach (var (key, value) in obj)
                {
                    text.Append(firstKey ? string.Empty : ",");
                    firstKey = false;
                    NewLine(text, depth + 1);
                    AppendString(text, key);
                    text.Append(": ");
                    Append(text, value, depth + 1);
                }

                NewLine(text, depth);
                text.Append('}');
                break;
            case JsonArray array when array.Count == 0:
                text.Append("[]");
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    NewLine(text, depth + 1);
                    Append(text, array[i], depth + 1);
                }

                NewLine(text, depth);
                text.Append(']');
                break;
            case JsonValue value:
                AppendValue(text, value);
                break;
        }
    }

    private static void AppendValue(StringBuilder text, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                AppendString(text, value.GetValue<string>());
                break;
            case JsonValueKind.Number when !value.TryGetValue<JsonElement>(out _) && value.TryGetValue<double>(out var number):
                text.Append(PythonFloat(number));
                break;
            default:
                text.Append(value.ToJsonString());
                break;
        }
    }

    /// <summary>A double as Python's <c>repr</c> writes it: shortest round trip, <c>.0</c> on whole numbers, lower-case exponent.</summary>
    internal static string PythonFloat(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return "null";
        }

        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        if (shortest.Contains('E', StringComparison.Ordinal))
        {
            var parts = shortest.Split('E');
            var exponent = int.Parse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return parts[0] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }

        return shortest.Contains('.', StringComparison.Ordinal) ? shortest : shortest + ".0";
    }

    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (ServerTextEscapes.MustEscape(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private static void NewLine(StringBuilder text, int depth) => text.Append('\n').Append(' ', depth * 2);
}
