using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rsspot.Pricing;

namespace Rsspot.Cli.Output.Python;

/// <summary>
/// <c>pricing list</c> and <c>pricing build</c> in the Python rsspot's shapes (its pricing_optimizer): market prices
/// as <c>$</c> strings of the API's text, the per-node and per-cluster amounts as floats computed the way it
/// computes them (from the market price, 730 hours a month), so the numbers print the same.
/// </summary>
internal static partial class PythonPricing
{
    private const double MonthHours = 730;
    private const double Gen2Multiplier = 1.1;
    private static readonly string[] DefaultClasses = ["gp", "ch", "mh"];

    /// <summary><c>{nodes, items: [...]}</c> of <c>pricing list</c>.</summary>
    public static JsonObject List(IEnumerable<PriceListItem> items, int nodes) => new()
    {
        ["nodes"] = nodes,
        ["items"] = new JsonArray([.. items.Select(i => (JsonNode)ListItem(i.Row, nodes))]),
    };

    private static JsonObject ListItem(PriceRow row, int nodes)
    {
        var hourly = Market(row.MarketRaw);
        var monthly = hourly * MonthHours;
        return new JsonObject
        {
            ["server_class_name"] = row.ClassName,
            ["display_name"] = row.DisplayName,
            ["category"] = row.Category,
            ["region"] = row.Region,
            ["market_price"] = PythonShapes.Dollar(row.MarketRaw is null ? null : JsonValue.Create(row.MarketRaw)),
            ["cpu"] = row.CpuRaw,
            ["memory"] = row.MemoryRaw,
            ["class"] = ClassPrefix(row.ClassName),
            ["gen"] = Generation(row.ClassName),
            ["hourly_per_node"] = hourly,
            ["monthly_per_node"] = monthly,
            ["hourly_for_nodes"] = hourly * nodes,
            ["monthly_for_nodes"] = monthly * nodes,
        };
    }

    /// <summary>
    /// <c>{requested, assumptions, scenarios, warning}</c> of <c>pricing build</c>. The pools' bids are this
    /// tool's bids (the SDK's bid policy); scores follow the Python's formulas, the balanced score normalised over
    /// the pools of the plan (the Python normalises over every candidate, which the result does not carry).
    /// </summary>
    public static JsonObject Build(ClusterBuildResult result)
    {
        var request = result.Request;
        var scenarios = result.Scenarios.Where(sc => sc.IsFeasible).OrderBy(sc => Order(sc.Strategy)).ToList();
        var pools = scenarios.SelectMany(sc => sc.Pools).ToList();
        var capacities = pools.Select(Capacity).DefaultIfEmpty(0).ToList();
        var values = pools.Select(Value).DefaultIfEmpty(0).ToList();
        return new JsonObject
        {
            ["requested"] = new JsonObject
            {
                ["nodes"] = request.Nodes,
                ["gen"] = request.Generations is [var only] ? GenerationNumber(only) : null,
                ["risk"] = request.Risk.ToShortName(),
                ["balanced"] = request.Strategies is [BuildStrategy.Balanced],
                ["regions"] = new JsonArray([.. (request.Regions ?? []).Select(r => (JsonNode)r.ToLowerInvariant())]),
                ["classes"] = new JsonArray([.. (request.Families is { Count: > 0 } f ? f : DefaultClasses).Select(c => (JsonNode)c.ToLowerInvariant())]),
                ["min_hour"] = Float(request.MinHourly),
                ["max_hour"] = Float(request.MaxHourly),
                ["min_month"] = Float(request.MinMonthly),
                ["max_month"] = Float(request.MaxMonthly),
            },
            ["assumptions"] = new JsonObject
            {
                ["month_hours"] = (int)MonthHours,
                ["cpu_weight"] = 1.0,
                ["memory_weight"] = 1.0,
                ["gen2_multiplier"] = Gen2Multiplier,
                ["risk_bid_multiplier"] = (double)BidPolicy.Multiplier(request.Risk),
            },
            ["scenarios"] = new JsonArray([.. scenarios.Select(sc => (JsonNode)Scenario(sc, capacities.Min(), capacities.Max(), values.Min(), values.Max()))]),
            ["warning"] = scenarios.Count > 0 ? null : result.Failure?.Message ?? result.Scenarios.Select(sc => sc.Failure?.Message).FirstOrDefault(m => m is not null) ?? "No pricing candidates matched the provided filters.",
        };
    }

    private static JsonObject Scenario(ClusterScenario scenario, double capMin, double capMax, double valueMin, double valueMax)
    {
        var totalHourly = scenario.Pools.Sum(p => Hourly(p) * p.Nodes);
        var totalMonthly = scenario.Pools.Sum(p => Hourly(p) * MonthHours * p.Nodes);
        var totalCapacity = scenario.Pools.Sum(p => Capacity(p) * p.Nodes);
        var nodes = scenario.Pools.Sum(p => p.Nodes);
        var value = totalHourly > 0 ? totalCapacity / totalHourly : 0.0;
        var score = scenario.Strategy switch
        {
            BuildStrategy.MaxPerformance => totalCapacity,
            BuildStrategy.MaxValue => value,
            _ => (0.5 * Normalise(nodes > 0 ? totalCapacity / nodes : 0, capMin, capMax)) + (0.5 * Normalise(value, valueMin, valueMax)),
        };
        return new JsonObject
        {
            ["strategy"] = StrategyName(scenario.Strategy),
            ["status"] = "ok",
            ["score"] = score,
            ["total_hourly"] = totalHourly,
            ["total_monthly"] = totalMonthly,
            ["total_cpu"] = scenario.Pools.Sum(p => (double)p.VcpuPerNode * p.Nodes),
            ["total_memory_gb"] = scenario.Pools.Sum(p => (double)p.MemoryGbPerNode * p.Nodes),
            ["pools"] = new JsonArray([.. scenario.Pools.Select(p => (JsonNode)Pool(p))]),
        };
    }

    private static JsonObject Pool(ScenarioPool pool)
    {
        var hourly = Hourly(pool);
        return new JsonObject
        {
            ["server_class_name"] = pool.ServerClass,
            ["class_prefix"] = ClassPrefix(pool.ServerClass),
            ["region"] = pool.Region,
            ["generation"] = Generation(pool.ServerClass),
            ["nodes"] = pool.Nodes,
            ["cpu_per_node"] = (double)pool.VcpuPerNode,
            ["memory_gb_per_node"] = (double)pool.MemoryGbPerNode,
            ["hourly_per_node"] = hourly,
            ["monthly_per_node"] = hourly * MonthHours,
            ["hourly_total"] = hourly * pool.Nodes,
            ["monthly_total"] = hourly * MonthHours * pool.Nodes,
            ["suggested_bid_per_node"] = (double)pool.BidPerNodeHour,
            ["capacity_per_node"] = Capacity(pool),
            ["value_per_node"] = Value(pool),
        };
    }

    private static double Hourly(ScenarioPool pool) => (double)pool.MarketPerHour;

    private static double Capacity(ScenarioPool pool) =>
        ((double)pool.VcpuPerNode + (double)pool.MemoryGbPerNode) * (Generation(pool.ServerClass) == 2 ? Gen2Multiplier : 1.0);

    private static double Value(ScenarioPool pool) => Hourly(pool) > 0 ? Capacity(pool) / Hourly(pool) : 0.0;

    // math.isclose(min, max) with its default relative tolerance, as the Python's _normalize_score.
    private static double Normalise(double value, double min, double max) => Math.Abs(max - min) <= 1e-9 * Math.Max(Math.Abs(min), Math.Abs(max)) ? 1.0 : (value - min) / (max - min);

    private static int Order(BuildStrategy strategy) => strategy switch
    {
        BuildStrategy.MaxPerformance => 0,
        BuildStrategy.MaxValue => 1,
        _ => 2,
    };

    private static string StrategyName(BuildStrategy strategy) => strategy switch
    {
        BuildStrategy.MaxPerformance => "max_performance",
        BuildStrategy.MaxValue => "max_value",
        _ => "balanced",
    };

    private static double? Float(decimal? value) => value is null ? null : (double)value.Value;

    /// <summary>The market price as the Python parses it (<c>$</c> and thousands commas dropped); null when there is none.</summary>
    private static double? Market(string? raw)
    {
        var text = raw?.Trim().Replace("$", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string ClassPrefix(string name) => name.Split('.', 2) is [var prefix, _] ? prefix.ToLowerInvariant() : string.Empty;

    private static int? Generation(string name) =>
        VirtualGeneration().Match(name.ToLowerInvariant()) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static int? GenerationNumber(string generation) =>
        int.TryParse(generation.TrimStart('v', 's', 'V', 'S'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"\.vs([0-9]+)(?:[.\-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex VirtualGeneration();
}
