using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Pricing;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Pricing;

/// <summary><c>pricing list [--family] [--generation] [--min-vcpu] [--max-vcpu] [--nodes] [--all]</c>.</summary>
internal static class ListCommand
{
    /// <summary>The most vCPU per node a filter takes.</summary>
    private const decimal MaxVcpuPerNode = 10_000m;

    /// <param name="Query">What to list (the global --region included).</param>
    internal sealed record Options(PriceQuery Query);

    public static Command Create(CliSession session)
    {
        var families = PriceFilters.Families("--class");
        var generations = PriceFilters.Generations();
        var minVcpu = new Option<string?>("--min-vcpu", "--min-cpu") { Description = "At least this many vCPU per node", HelpName = "count" };
        var maxVcpu = new Option<string?>("--max-vcpu", "--max-cpu") { Description = "At most this many vCPU per node", HelpName = "count" };
        var nodes = new Option<string>("--nodes") { Description = "Multiply prices and resources by this node count", DefaultValueFactory = _ => "1", HelpName = "count" };
        var all = new Option<bool>("--all") { Description = "Also list classes that are not available (deprecated, sold out); default: available ones, as the Python rsspot" };
        return Cmd.New("list", "Price rows per available server class and region, cheapest market price first (global --region filters; --all for every class)", families, generations, minVcpu, maxVcpu, nodes, all)
            .Runs(session, (p, ct) => RunAsync(
                new Options(new PriceQuery
                {
                    Regions = session.Region is { } region ? [region] : null,
                    Families = PriceFilters.Many(p.GetValue(families)),
                    Generations = PriceFilters.GenerationsOf(p.GetValue(generations)),
                    MinVcpu = GuardFlags.Amount(p.TypedName(minVcpu), p.GetValue(minVcpu), MaxVcpuPerNode),
                    MaxVcpu = GuardFlags.Amount(p.TypedName(maxVcpu), p.GetValue(maxVcpu), MaxVcpuPerNode),
                    Nodes = GuardFlags.Count(p.TypedName(nodes), p.GetValue(nodes), 1, NodeLimits.MaxNodesPerPool)!.Value,
                    AvailableOnly = !p.GetValue(all),
                }),
                session,
                ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var items = await session.Client.Pricing.ListAsync(options.Query, ct).ConfigureAwait(false);
        session.TableUnlessAsked.Write(new JsonShapes(() => new JsonArray([.. items.Select(i => (JsonNode)PriceJson.ListItem(i))]), () => PythonPricing.List(items, options.Query.Nodes)), () =>
        {
            var table = new TableView("CLASS", "REGION", "VCPU", "MEM GB", "MARKET/H", "MARKET/MO", "HAMMER/H", "ON-DEMAND/H", "P50");
            foreach (var i in items)
            {
                table.Add(i.Row.ClassName, i.Row.Region, JsonModels.Number(i.Vcpu), JsonModels.Number(i.MemoryGb), JsonModels.Money(i.MarketPerHour), JsonModels.Money(i.MarketPerMonth), JsonModels.Money(i.HammerPerHour), JsonModels.Money(i.OnDemandPerHour), JsonModels.Money(i.P50PerHour));
            }

            return table;
        });
    }
}
