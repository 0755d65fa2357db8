using System.Text.RegularExpressions;

namespace Rsspot.Configuration;

/// <summary>Chooses the format of a config file from its extension, or from its content when it has none.</summary>
public static partial class ConfigFormatDetector
{
    /// <summary>The format for a path and its content: by extension when known, otherwise by content.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="content">The file content.</param>
    /// <returns>The format.</returns>
    public static ConfigFormat Detect(string path, string content)
    {
        return FromExtension(path) ?? FromContent(content);
    }

    /// <summary>The format implied by a file extension, or <see langword="null"/> when it implies none.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The format or <see langword="null"/>.</returns>
    public static ConfigFormat? FromExtension(string path)
    {
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".YML" or ".YAML" => ConfigFormat.Yaml,
            ".JSON" => ConfigFormat.Json,
            ".TOML" => ConfigFormat.Toml,
            _ => null,
        };
    }

    /// <summary>
    /// The format of extension-less content: JSON when it starts with <c>{</c>; TOML when the first
    /// meaningful line is a <c>[table]</c> header or a <c>key = value</c> pair; YAML otherwise.
    /// </summary>
    /// <param name="content">The file content.</param>
    /// <returns>The format.</returns>
    public static ConfigFormat FromContent(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string trimmed = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('{'))
        {
            return ConfigFormat.Json;
        }

        foreach (string raw in trimmed.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            return TomlTableHeader().IsMatch(line) || TomlKeyValue().IsMatch(line) ? ConfigFormat.Toml : ConfigFormat.Yaml;
        }

        return ConfigFormat.Yaml;
    }

    [GeneratedRegex(@"^\[\[?[A-Za-z0-9_.""' -]+\]\]?$")]
    private static partial Regex TomlTableHeader();

    [GeneratedRegex(@"^[A-Za-z0-9_""'.-]+\s*=")]
    private static partial Regex TomlKeyValue();
}
