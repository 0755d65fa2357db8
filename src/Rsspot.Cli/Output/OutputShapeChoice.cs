using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Output;

/// <summary>
/// Picks the shape of JSON/YAML output: <c>--raw</c> gives this tool's own shapes; else <c>RSSPOT_OUTPUT_SHAPE</c>
/// (python, spotctl or raw) when set; else the spelling of the command line decides: spotctl's spellings print
/// spotctl's shapes, everything else the Python rsspot's.
/// </summary>
internal static class OutputShapeChoice
{
    public const string EnvironmentVariable = "RSSPOT_OUTPUT_SHAPE";

    public static OutputShape Resolve(bool raw, string? environment, ParseResult parse)
    {
        if (raw)
        {
            return OutputShape.Native;
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            return environment.Trim().ToUpperInvariant() switch
            {
                "PYTHON" => OutputShape.Python,
                "SPOTCTL" => OutputShape.Spotctl,
                "RAW" => OutputShape.Native,
                "AUTO" => SpellingDialect.IsSpotctl(parse) ? OutputShape.Spotctl : OutputShape.Python,
                _ => throw new CliUsageException($"{EnvironmentVariable}: '{environment}' is not a shape; use python, spotctl, raw or auto."),
            };
        }

        return SpellingDialect.IsSpotctl(parse) ? OutputShape.Spotctl : OutputShape.Python;
    }
}
