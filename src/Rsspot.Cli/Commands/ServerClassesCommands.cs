using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Services;

namespace Rsspot.Cli.Commands;

/// <summary><c>server-classes list|get</c> with region, category and availability filters.</summary>
internal static class ServerClassesCommands
{
    private const string GroupName = "server-classes";
    private const string AvailableOnly = "available";

    public static Command Create(CliSession s)
    {
        var category = new Option<string?>("--category") { Description = "Category or family: gp, ch, mh, or e.g. 'General Purpose'" };
        var availability = new Option<string?>("--availability") { Description = "Availability, e.g. available" };
        var onlyAvailable = new Option<bool>("--only-available") { Description = "Only classes that are available (the default of 'server-classes list', as in the Python rsspot)" };
        var all = new Option<bool>("--all") { Description = "Every class, whatever its availability (the default under spotctl's names: serverclasses, sc, serverclass)" };
        var list = Cmd.New("list", "List server classes: available ones unless --all (filter with the global --region/-r, --category, --availability)", category, availability, onlyAvailable, all).Runs(s, async (p, ct) =>
        {
            var wanted = Availability(p, availability, onlyAvailable, all);
            var classes = await s.Client.ServerClasses.ListAsync(s.Region, wanted, p.GetValue(category), ct).ConfigureAwait(false);
            var json = JsonModels.ToArray(classes);
            s.Output.Write(new JsonShapes(() => json, () => new JsonArray([.. json.OfType<JsonNode>().Select(c => (JsonNode)PythonShapes.ServerClass(c))]), () => SpotctlShapes.ServerClasses(json.OfType<JsonNode>())), () =>
            {
                var table = new TableView("NAME", "REGION", "CATEGORY", "CPU", "MEMORY", "MARKET/H", "HAMMER/H", "ON-DEMAND", "AVAILABILITY");
                foreach (var c in classes.Select(ServerClassSummary.From))
                {
                    table.Add(c.Name, c.Region, c.Category, c.Cpu, c.Memory, Prices.Table(c.MarketPricePerHour), Prices.Table(c.HammerPricePerHour), Prices.Table(c.OnDemandPricePerHour), c.Availability);
                }

                return table;
            });
        });

        var name = new NameInput("name", "server class, e.g. gp.vs1.medium-dfw");
        var get = Cmd.New("get", "Show one server class", name.Symbols).Runs(s, async (p, ct) =>
        {
            var json = JsonModels.ToNode(await s.Client.ServerClasses.GetAsync(name.Get(p), ct).ConfigureAwait(false));
            s.Output.Write(new JsonShapes(() => json, () => PythonShapes.ServerClass(json), () => SpotctlShapes.ServerClass(json)), () => TableView.Pairs(Fields(json)));
        });

        return Cmd.Group(GroupName, "Server classes (machine sizes) with resources and prices", list, get);
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

        if (given.Count == 0 && InvokedAs(p) == GroupName)
        {
            return AvailableOnly;
        }

        return p.GetValue(availability);
    }

    // The Python rsspot's `server-classes list` shows only available classes; spotctl's `serverclasses list` shows all.
    private static string? InvokedAs(ParseResult p) => (p.CommandResult.Parent as System.CommandLine.Parsing.CommandResult)?.IdentifierToken.Value;

    private static IEnumerable<(string, string?)> Fields(JsonNode json) =>
    [
        ("name", JsonModels.Text(json, "metadata.name")),
        ("display_name", JsonModels.Text(json, "spec.displayName")),
        ("region", JsonModels.Text(json, "spec.region")),
        ("category", JsonModels.Text(json, "spec.category")),
        ("availability", JsonModels.Text(json, "spec.availability")),
        ("cpu", JsonModels.Text(json, "spec.resources.cpu")),
        ("memory", JsonModels.Text(json, "spec.resources.memory")),
        ("market_price_per_hour", JsonModels.Text(json, "status.spotPricing.marketPricePerHour")),
        ("hammer_price_per_hour", JsonModels.Text(json, "status.spotPricing.hammerPricePerHour")),
        ("on_demand_cost", JsonModels.Text(json, "spec.onDemandPricing.cost")),
    ];
}
