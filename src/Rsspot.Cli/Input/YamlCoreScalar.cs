using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rsspot.Cli.Input;

/// <summary>
/// A YAML scalar as JSON by the YAML 1.2 core schema: a plain <c>2</c> is an integer, <c>0.08</c> a number,
/// <c>true</c> a boolean, <c>null</c>/<c>~</c>/nothing null; a quoted scalar or one tagged <c>!!str</c> stays text,
/// and so does anything JSON cannot hold (<c>.inf</c>, <c>.nan</c>). Numbers keep the digits as written
/// (<c>1.30</c> stays 1.30).
/// </summary>
internal static partial class YamlCoreScalar
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>The longest number read: converting a longer run of digits costs time that grows with its square.</summary>
    public const int LongestNumber = 100;

    public static JsonNode? ToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || IsStringTag(scalar.Tag))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ => Number(text, scalar.Start.Line) ?? JsonValue.Create(text),
        };
    }

    private static JsonNode? Number(string text, long line)
    {
        if (!DecimalInteger().IsMatch(text) && !HexInteger().IsMatch(text) && !OctalInteger().IsMatch(text) && !FloatNumber().IsMatch(text))
        {
            return null;
        }

        return text.Length <= LongestNumber
            ? Integer(text) ?? Float(text)
            : throw new InvalidDataException($"line {line} has a number of {text.Length} characters; numbers longer than {LongestNumber} are not read");
    }

    private static bool IsStringTag(TagName tag) => !tag.IsEmpty && !tag.IsNonSpecific && tag.Value == StringTag;

    private static JsonNode? Integer(string text)
    {
        BigInteger value;
        if (DecimalInteger().IsMatch(text))
        {
            value = BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        else if (HexInteger().IsMatch(text))
        {
            value = BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else if (OctalInteger().IsMatch(text))
        {
            value = text[2..].Aggregate(BigInteger.Zero, (sum, digit) => (sum * 8) + (digit - '0'));
        }
        else
        {
            return null;
        }

        // Parsed from its own digits, so integers of any size stay exact.
        return JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture));
    }

    private static JsonValue? Float(string text)
    {
        if (!FloatNumber().IsMatch(text))
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return JsonValue.Create(exact);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var wide) && double.IsFinite(wide) ? JsonValue.Create(wide) : null;
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexInteger();

    [GeneratedRegex("^0o[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatNumber();
}
