using System.CommandLine;
using System.CommandLine.Parsing;

namespace Rsspot.Cli.Output;

/// <summary>
/// Which CLI a command line was written for, from its spelling: spotctl's command aliases (<c>serverclasses</c>,
/// <c>sc</c>, <c>cs</c>, <c>np</c>, <c>org</c>, ...), its flags (<c>--serverclass</c>, <c>--bidprice</c>,
/// <c>--custom-labels</c>, ...) or a name given with <c>--name</c> to get/delete/get-config (the Python rsspot
/// takes it as an argument there). The same rule decides whether a delete asks for confirmation.
/// Everything else is read as the Python rsspot's (or this tool's own) spelling.
/// </summary>
internal static class SpellingDialect
{
    private static readonly HashSet<string> SpotctlCommands = new(StringComparer.Ordinal)
    {
        "serverclasses", "sc", "serverclass", "cs", "cloudspace", "np", "nodepool", "org", "organization",
        "vmsshkeys", "vmsshkey", "vmsk", "vmcloudspaces", "vmcloudspace", "vmcs", "vmpools", "vmpool", "vmp",
    };

    private static readonly HashSet<string> SpotctlFlags = new(StringComparer.Ordinal)
    {
        "--serverclass", "--bidprice", "--custom-labels", "--custom-annotations", "--custom-taints", "--spot-nodepool", "--ondemand-nodepool", "--preemption-webhook-url", "--config",
    };

    // Commands where the Python rsspot takes the name as an argument and spotctl as --name.
    private static readonly HashSet<string> NameArgumentCommands = new(StringComparer.Ordinal) { "get", "delete", "get-config" };

    /// <summary>True when the command line uses a spelling only spotctl has.</summary>
    public static bool IsSpotctl(ParseResult parse)
    {
        foreach (var token in parse.Tokens)
        {
            if ((token.Type == TokenType.Command && SpotctlCommands.Contains(token.Value))
                || (token.Type == TokenType.Option && SpotctlFlags.Contains(token.Value)))
            {
                return true;
            }
        }

        return NameAsFlag(parse);
    }

    private static bool NameAsFlag(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (!NameArgumentCommands.Contains(command.Name))
        {
            return false;
        }

        var name = command.Options.FirstOrDefault(o => o.Name == "--name");
        return name is not null && parse.GetResult(name) is { Implicit: false };
    }
}
