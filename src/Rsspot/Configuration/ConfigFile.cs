using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Configuration;

/// <summary>A config file read into its document tree (all keys kept, unknown ones included).</summary>
/// <param name="Path">The full path.</param>
/// <param name="Format">The detected format.</param>
/// <param name="Document">The document tree.</param>
public sealed record ConfigFile(string Path, ConfigFormat Format, JsonObject Document)
{
    /// <summary>Reads and parses a config file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The parsed file.</returns>
    /// <exception cref="ConfigException">The file is missing, unreadable or not valid YAML/JSON/TOML.</exception>
    public static ConfigFile Load(string path)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = BoundedFile.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            string reason = ex is FileNotFoundException or UnauthorizedAccessException ? $"cannot be read ({ex.GetType().Name})" : $"is refused: {ex.Message.TrimEnd('.')}";
            throw new ConfigException(
                $"Config file '{fullPath}' {reason}. Fix: give the path of a regular config file that exists and that you may read (rsspot configure writes one).",
                fullPath,
                innerException: ex);
        }

        ConfigFormat format = ConfigFormatDetector.Detect(fullPath, text);
        return new ConfigFile(fullPath, format, ConfigCodecs.Parse(text, format, fullPath));
    }

    /// <summary>Reads the schema out of the document, checking every value.</summary>
    /// <returns>The config.</returns>
    /// <exception cref="ConfigException">A value has the wrong type or range.</exception>
    public RsspotConfig ToConfig()
    {
        return new ConfigSchemaReader(Path).Read(Document);
    }

    /// <summary>The document as text in this file's format.</summary>
    /// <returns>The text.</returns>
    public string Serialize()
    {
        return ConfigCodecs.Serialize(Document, Format);
    }
}
