using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Pricing;

/// <summary>The class filters of <c>pricing list</c> and <c>pricing build</c>.</summary>
internal static class PriceFilters
{
    public static Option<string[]> Families(string pythonName) => Cmd.Repeatable(["--family", pythonName], "Class family: gp, ch, mh (repeatable or comma-separated)", "family");

    public static Option<string[]> Generations() => Cmd.Repeatable(["--generation", "--gen"], "Generation: vs1, vs2 (or 1, 2; repeatable or comma-separated)", "gen");

    /// <summary>Repeated and comma-separated values as one list; null when none.</summary>
    public static IReadOnlyList<string>? Many(string[]? values) =>
        values is { Length: > 0 } ? [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))] : null;

    /// <summary>Generations as the price data names them: the Python rsspot's <c>--gen 1|2</c> means vs1|vs2.</summary>
    public static IReadOnlyList<string>? GenerationsOf(string[]? values) =>
        Many(values)?.Select(g => g.All(char.IsAsciiDigit) ? "vs" + g : g).ToList();
}
