using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Output;

/// <summary>
/// Picks the output format: <c>--output</c>, then <c>RSSPOT_OUTPUT</c>, then the config file's <c>output</c>,
/// then a table on a terminal and JSON when stdout is a pipe or a file (as the Python rsspot and spotctl print JSON for scripts).
/// </summary>
internal static class OutputChoice
{
    public const string EnvironmentVariable = "RSSPOT_OUTPUT";

    public static OutputFormat Resolve(OutputFormat? flag, string? environment, Func<string?> configured, Terminal terminal)
    {
        if (flag is { } chosen)
        {
            return chosen;
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            return OutputFormats.TryParse(environment) ?? throw new CliUsageException($"{EnvironmentVariable}: '{environment}' is not a format; use json, yaml or table.");
        }

        if (configured() is { Length: > 0 } text)
        {
            return OutputFormats.TryParse(text) ?? throw new ConfigException($"Config key 'output' is '{text}', which is not a format. Fix: set it to json, yaml or table.");
        }

        return terminal.StdoutIsTerminal ? OutputFormat.Table : OutputFormat.Json;
    }
}
