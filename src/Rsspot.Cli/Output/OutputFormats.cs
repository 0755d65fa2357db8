using System.CommandLine.Parsing;

namespace Rsspot.Cli.Output;

/// <summary>Parses <c>--output</c>, <c>RSSPOT_OUTPUT</c> and the config's <c>output</c>.</summary>
internal static class OutputFormats
{
    public static OutputFormat? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        var format = TryParse(text);
        if (format is null)
        {
            result.AddError($"--output: '{text}' is not a format; use json, yaml or table.");
        }

        return format;
    }

    /// <summary>json, yaml (or yml) and table in any case; null for anything else.</summary>
    public static OutputFormat? TryParse(string text) => text.Trim().ToUpperInvariant() switch
    {
        "JSON" => OutputFormat.Json,
        "YAML" or "YML" => OutputFormat.Yaml,
        "TABLE" => OutputFormat.Table,
        _ => null,
    };
}
