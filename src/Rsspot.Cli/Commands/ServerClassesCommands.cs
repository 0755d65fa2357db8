using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands;

/// <summary><c>server-classes list|get</c> with region, category and availability filters.</summary>
internal static class ServerClassesCommands
{
    public static Command Create(CliSession s)
    {
        var category = new Option<string?>("--category") { Description = "Category or family: gp, ch, mh, or e.g. 'General Purpose'" };
        var availability = new Option<string?>("--availability") { Description = "Availability, e.g. available" };
        var list = Cmd.New("list", "List server classes (filter with the global --region, --category, --availability)", category, availability).Runs(s, async (p, ct) =>
        {
            var classes = await s.Client.ServerClasses.ListAsync(s.Region, p.GetValue(availability), p.GetValue(category), ct).ConfigureAwait(false);
            var json = JsonModels.ToArray(classes);
            s.Output.Write(json, () =>
            {
                var table = new TableView("NAME", "REGION", "CATEGORY", "CPU", "MEMORY", "MARKET/H", "HAMMER/H", "ON-DEMAND", "AVAILABILITY");
                foreach (var c in json)
                {
                    table.Add(
                        JsonModels.Text(c, "metadata.name"),
                        JsonModels.Text(c, "spec.region"),
                        JsonModels.Text(c, "spec.category"),
                        JsonModels.Text(c, "spec.resources.cpu"),
                        JsonModels.Text(c, "spec.resources.memory"),
                        JsonModels.Text(c, "status.spotPricing.marketPricePerHour"),
                        JsonModels.Text(c, "status.spotPricing.hammerPricePerHour"),
                        JsonModels.Text(c, "spec.onDemandPricing.cost"),
                        JsonModels.Text(c, "spec.availability"));
                }

                return table;
            });
        });

        var name = Cmd.NameArgument("name", "Server class, e.g. gp.vs1.medium-dfw");
        var get = Cmd.New("get", "Show one server class", name).Runs(s, async (p, ct) =>
        {
            var json = JsonModels.ToNode(await s.Client.ServerClasses.GetAsync(p.GetValue(name)!, ct).ConfigureAwait(false));
            s.Output.Write(json, () => TableView.Pairs(Fields(json)));
        });

        return Cmd.Group("server-classes", "Server classes (machine sizes) with resources and prices", list, get);
    }

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
