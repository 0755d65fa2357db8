using System.CommandLine.Parsing;

namespace Rsspot.Cli.Output;

/// <summary>How results are printed.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Yaml,
}

/// <summary>Parses <c>--output</c>.</summary>
internal static class OutputFormats
{
    public static OutputFormat? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        switch (text.ToUpperInvariant())
        {
            case "JSON": return OutputFormat.Json;
            case "YAML" or "YML": return OutputFormat.Yaml;
            case "TABLE": return OutputFormat.Table;
            default:
                result.AddError($"--output: '{text}' is not a format; use json, yaml or table.");
                return null;
        }
    }
}
