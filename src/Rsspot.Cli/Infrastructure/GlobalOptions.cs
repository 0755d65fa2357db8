using System.CommandLine;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Infrastructure;

/// <summary>Options every command accepts (recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Profile { get; } = new("--profile", "-p") { Description = "Profile of the config file to use", Recursive = true, HelpName = "name" };

    public Option<string?> ConfigFile { get; } = new("--config-file", "-c") { Description = "Config file (default: RSSPOT_CONFIG, ~/.config/rsspot/config.yaml)", Recursive = true, HelpName = "path" };

    public Option<string?> Org { get; } = new("--org") { Description = "Organization name or id (overrides the profile)", Recursive = true, HelpName = "name" };

    public Option<string?> Region { get; } = new("--region", "-r") { Description = "Region (overrides the profile)", Recursive = true, HelpName = "region" };

    public Option<OutputFormat?> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: json | yaml | table (default: table on a terminal, json when piped; RSSPOT_OUTPUT or the config's output override the default)",
        Recursive = true,
        HelpName = "json|yaml|table",
        CustomParser = OutputFormats.Parse,
    };

    public Option<bool> Raw { get; } = new("--raw")
    {
        Description = "JSON/YAML in this tool's own shapes (the API's objects, our pricing records) instead of the Python rsspot's, or spotctl's when the command is typed in spotctl's spelling; RSSPOT_OUTPUT_SHAPE=python|spotctl|raw sets it too",
        Recursive = true,
    };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Bypass the response cache", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log each HTTP request (method, URL, status, ms) and error details to stderr; never secrets", Recursive = true };

    public void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { Profile, ConfigFile, Org, Region, Output, Raw, NoCache, Verbose })
        {
            root.Options.Add(option);
        }

        Output.CompletionSources.Add("json", "yaml", "table");
    }
}
