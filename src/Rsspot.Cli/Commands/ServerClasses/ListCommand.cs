using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.ServerClasses;

/// <summary><c>server-classes list [--category] [--availability | --only-available | --all]</c>.</summary>
internal static class ListCommand
{
    private const string AvailableOnly = "available";

    /// <param name="Availability">The availability wanted, or null for every class.</param>
    /// <param name="Category">Category or family, or null for all.</param>
    internal sealed record Options(string? Availability, string? Category);

    public static Command Create(CliSession session)
    {
        var category = new Option<string?>("--category") { Description = "Category or family: gp, ch, mh, or e.g. 'General Purpose'" };
        var availability = new Option<string?>("--availability") { Description = "Availability, e.g. available" };
        var onlyAvailable = new Option<bool>("--only-available") { Description = "Only classes that are available (the default of 'server-classes list', as in the Python rsspot)" };
        var all = new Option<bool>("--all") { Description = "Every class, whatever its availability (the default under spotctl's names: serverclasses, sc, serverclass)" };
        return Cmd.New("list", "List server classes: available ones unless --all (filter with the global --region/-r, --category, --availability)", category, availability, onlyAvailable, all)
            .Runs(session, (p, ct) => RunAsync(new Options(Availability(p, availability, onlyAvailable, all), p.GetValue(category)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var classes = await session.Client.ServerClasses.ListAsync(session.Region, options.Availability, options.Category, ct).ConfigureAwait(false);
        var json = JsonModels.ToArray(classes);
        session.Output.Write(new JsonShapes(() => json, () => new JsonArray([.. json.OfType<JsonNode>().Select(c => (JsonNode)PythonShapes.ServerClass(c))]), () => SpotctlShapes.ServerClasses(json.OfType<JsonNode>())), () =>
        {
            var table = new TableView("NAME", "REGION", "CATEGORY", "CPU", "MEMORY", "MARKET/H", "HAMMER/H", "ON-DEMAND", "AVAILABILITY");
            foreach (var c in classes.Select(ServerClassSummary.From))
            {
                table.Add(c.Name, c.Region, c.Category, c.Cpu, c.Memory, Prices.Table(c.MarketPricePerHour), Prices.Table(c.HammerPricePerHour), Prices.Table(c.OnDemandPricePerHour), c.Availability);
            }

            return table;
        });
    }

    private static string? Availability(ParseResult p, Option<string?> availability, Option<bool> onlyAvailable, Option<bool> all)
    {
        var given = new Option[] { availability, onlyAvailable, all }.Where(o => p.GetResult(o) is { Implicit: false }).ToList();
        if (given.Count > 1)
        {
            throw new CliUsageException($"{string.Join(", ", given.Select(p.TypedName))}: give only one of them.");
        }

        if (p.GetValue(onlyAvailable))
        {
            return AvailableOnly;
        }

        if (given.Count == 0 && InvokedAs(p) == ServerClassesCommand.GroupName)
        {
            return AvailableOnly;
        }

        return p.GetValue(availability);
    }

    // The Python rsspot's `server-classes list` shows only available classes; spotctl's `serverclasses list` shows all.
    private static string? InvokedAs(ParseResult p) => (p.CommandResult.Parent as System.CommandLine.Parsing.CommandResult)?.IdentifierToken.Value;
}
