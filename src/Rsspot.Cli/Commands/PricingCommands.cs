using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Pricing;
using Rsspot.Services;

namespace Rsspot.Cli.Commands;

/// <summary><c>pricing list|get|history|compare|build|watch|guard</c>.</summary>
internal static class PricingCommands
{
    public static Command Create(CliSession s) => Cmd.Group(
        "pricing",
        "Market prices, history, hyperscaler comparison and the cluster builder",
        List(s),
        Get(s),
        History(s),
        Compare(s),
        Build(s),
        PricingWatchCommand.Create(s),
        Cmd.Group("guard", "The bid guard's record of applied bid changes", PricingWatchCommand.History(s)));

    private static Option<string[]> Families(string pythonName) => Cmd.Repeatable(["--family", pythonName], "Class family: gp, ch, mh (repeatable or comma-separated)", "family");

    private static Option<string[]> Generations() => Cmd.Repeatable(["--generation", "--gen"], "Generation: vs1, vs2 (or 1, 2; repeatable or comma-separated)", "gen");

    private static IReadOnlyList<string>? Many(string[]? values) =>
        values is { Length: > 0 } ? [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))] : null;

    /// <summary>Generations as the price data names them: the Python rsspot's <c>--gen 1|2</c> means vs1|vs2.</summary>
    private static IReadOnlyList<string>? GenerationsOf(string[]? values) =>
        Many(values)?.Select(g => g.All(char.IsAsciiDigit) ? "vs" + g : g).ToList();

    private static Command List(CliSession s)
    {
        var families = Families("--class");
        var generations = Generations();
        var minVcpu = new Option<string?>("--min-vcpu", "--min-cpu") { Description = "At least this many vCPU per node", HelpName = "count" };
        var maxVcpu = new Option<string?>("--max-vcpu", "--max-cpu") { Description = "At most this many vCPU per node", HelpName = "count" };
        var nodes = new Option<string>("--nodes") { Description = "Multiply prices and resources by this node count", DefaultValueFactory = _ => "1", HelpName = "count" };
        var all = new Option<bool>("--all") { Description = "Also list classes that are not available (deprecated, sold out); default: available ones, as the Python rsspot" };
        return Cmd.New("list", "Price rows per available server class and region, cheapest market price first (global --region filters; --all for every class)", families, generations, minVcpu, maxVcpu, nodes, all).Runs(s, async (p, ct) =>
        {
            var query = new PriceQuery
            {
                Regions = s.Region is { } region ? [region] : null,
                Families = Many(p.GetValue(families)),
                Generations = GenerationsOf(p.GetValue(generations)),
                MinVcpu = GuardFlags.Amount(p.TypedName(minVcpu), p.GetValue(minVcpu), MaxVcpuPerNode),
                MaxVcpu = GuardFlags.Amount(p.TypedName(maxVcpu), p.GetValue(maxVcpu), MaxVcpuPerNode),
                Nodes = GuardFlags.Count(p.TypedName(nodes), p.GetValue(nodes), 1, NodeLimits.MaxNodesPerPool)!.Value,
                AvailableOnly = !p.GetValue(all),
            };
            var items = await s.Client.Pricing.ListAsync(query, ct).ConfigureAwait(false);
            s.TableUnlessAsked.Write(new JsonShapes(() => new JsonArray([.. items.Select(i => (JsonNode)ListItemJson(i))]), () => PythonPricing.List(items, query.Nodes)), () =>
            {
                var table = new TableView("CLASS", "REGION", "VCPU", "MEM GB", "MARKET/H", "MARKET/MO", "HAMMER/H", "ON-DEMAND/H", "P50");
                foreach (var i in items)
                {
                    table.Add(i.Row.ClassName, i.Row.Region, JsonModels.Number(i.Vcpu), JsonModels.Number(i.MemoryGb), JsonModels.Money(i.MarketPerHour), JsonModels.Money(i.MarketPerMonth), JsonModels.Money(i.HammerPerHour), JsonModels.Money(i.OnDemandPerHour), JsonModels.Money(i.P50PerHour));
                }

                return table;
            });
        });
    }

    internal static JsonObject ListItemJson(PriceListItem item)
    {
        var json = RowJson(item.Row);
        json["nodes"] = item.Nodes;
        json["total_market_per_hour"] = JsonModels.Value(item.MarketPerHour);
        json["total_market_per_month"] = JsonModels.Value(item.MarketPerMonth);
        json["total_vcpu"] = JsonModels.Value(item.Vcpu);
        json["total_memory_gb"] = JsonModels.Value(item.MemoryGb);
        return json;
    }

    internal static JsonObject RowJson(PriceRow row) => new()
    {
        ["server_class"] = row.ClassName,
        ["region"] = row.Region,
        ["family"] = row.Family,
        ["generation"] = row.Generation,
        ["category"] = row.Category,
        ["availability"] = row.Availability,
        ["cpu"] = JsonModels.Value(row.Cpu),
        ["memory_gb"] = JsonModels.Value(row.MemoryGb),
        ["market_per_hour"] = JsonModels.Value(row.MarketPerHour),
        ["hammer_per_hour"] = JsonModels.Value(row.HammerPerHour),
        ["on_demand_per_hour"] = JsonModels.Value(row.OnDemandPerHour),
        ["minimum_bid_per_hour"] = JsonModels.Value(row.MinimumBidPerHour),
        ["p20"] = JsonModels.Value(row.P20),
        ["p50"] = JsonModels.Value(row.P50),
        ["p80"] = JsonModels.Value(row.P80),
        ["hyperscaler_average"] = JsonModels.Value(row.HyperscalerAverage),
        ["raw"] = new JsonObject
        {
            ["cpu"] = row.CpuRaw,
            ["memory"] = row.MemoryRaw,
            ["market"] = row.MarketRaw,
            ["hammer"] = row.HammerRaw,
            ["on_demand"] = row.OnDemandRaw,
            ["minimum_bid"] = row.MinimumBidRaw,
        },
    };

    private static Argument<string> ClassArg() => Cmd.NameArgument("class", "Server class, e.g. gp.vs1.medium-dfw");

    private static Command Get(CliSession s)
    {
        var name = new NameInput("class", "server class, e.g. gp.vs1.medium-dfw", "--serverclass");
        return Cmd.New("get", "All known prices of one server class", name.Symbols).Runs(s, async (p, ct) =>
        {
            if (s.Output.PrintsPythonShape(hasSpotctlShape: true) || s.Output.PrintsSpotctlShape)
            {
                // Both other CLIs print the price details of the server class itself.
                var serverClass = JsonModels.ToNode(await s.Client.ServerClasses.GetAsync(name.Get(p), ct).ConfigureAwait(false));
                s.Output.Write(new JsonShapes(() => null, () => PythonShapes.PriceDetails(serverClass), () => SpotctlShapes.PriceDetails(serverClass)), () => new TableView());
                return;
            }

            var rows = await s.Client.Pricing.GetAsync(name.Get(p), ct).ConfigureAwait(false);
            var json = new JsonArray([.. rows.Select(r => (JsonNode)RowJson(r))]);
            s.Output.Write(json, () =>
            {
                var table = new TableView("REGION", "VCPU", "MEM GB", "MARKET/H", "HAMMER/H", "MIN BID/H", "ON-DEMAND/H", "P20", "P50", "P80");
                foreach (var r in rows)
                {
                    table.Add(r.Region, JsonModels.Number(r.Cpu), JsonModels.Number(r.MemoryGb), JsonModels.Money(r.MarketPerHour), JsonModels.Money(r.HammerPerHour), JsonModels.Money(r.MinimumBidPerHour), JsonModels.Money(r.OnDemandPerHour), JsonModels.Money(r.P20), JsonModels.Money(r.P50), JsonModels.Money(r.P80));
                }

                return table;
            });
        });
    }

    private static Command History(CliSession s)
    {
        var name = ClassArg();
        var last = new Option<int>("--last", "-n") { Description = "Show the last n points in the table", DefaultValueFactory = _ => 20 };
        var plot = PricingPlots.PlotOption("the history with its percentiles, the market price and the --cloudspace bids");
        var cloudspace = new Option<string?>("--cloudspace") { Description = "With --plot: draw the bids of this cloudspace's spot pools on the class" };
        return Cmd.New("history", "Hammer price history of a server class, with a sparkline (--plot draws it)", name, last, plot, cloudspace).Runs(s, async (p, ct) =>
        {
            if (p.GetValue(last) is < 1 and var n)
            {
                throw new CliUsageException($"{p.TypedName(last)}: {n} is invalid; give how many points to show, 1 or more.");
            }

            if (p.GetValue(plot) is { } plotPath)
            {
                PricingPlots.EnsureSvg(plotPath);
                await PricingPlots.WriteHistoryAsync(s, p.GetValue(name)!, p.GetValue(cloudspace), plotPath, ct).ConfigureAwait(false);
                return;
            }

            if (p.GetValue(cloudspace) is not null)
            {
                throw new CliUsageException("--cloudspace: draws bids on a chart, so it needs --plot <file.svg>.");
            }

            var history = await s.Client.Pricing.GetHistoryAsync(p.GetValue(name)!, ct).ConfigureAwait(false);
            var summary = history.Summary;
            var json = HistoryJson(history, history.Points);
            s.Output.Write(json, () =>
            {
                s.Output.Raw(summary is null
                    ? $"{history.ServerClass}: no price history\n"
                    : $"{history.ServerClass}  {history.Sparkline()}  min {JsonModels.Money(summary.Min)}  max {JsonModels.Money(summary.Max)}  mean {JsonModels.Money(summary.Mean)}  last {JsonModels.Money(summary.Last)}\n");
                var table = new TableView("AT (UTC)", "HAMMER/H");
                foreach (var pt in history.Points.TakeLast(p.GetValue(last)))
                {
                    table.Add(pt.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), JsonModels.Money(pt.HammerPerHour));
                }

                return table;
            });
        });
    }

    /// <summary>A history as JSON: the summary of all points, and <paramref name="points"/> (all, or the last few).</summary>
    internal static JsonObject HistoryJson(PriceHistory history, IEnumerable<PricePoint> points)
    {
        var summary = history.Summary;
        return new JsonObject
        {
            ["server_class"] = history.ServerClass,
            ["sparkline"] = history.Sparkline(),
            ["summary"] = summary is null ? null : new JsonObject
            {
                ["count"] = summary.Count,
                ["from"] = summary.From.ToString("O", CultureInfo.InvariantCulture),
                ["to"] = summary.To.ToString("O", CultureInfo.InvariantCulture),
                ["min"] = summary.Min,
                ["max"] = summary.Max,
                ["first"] = summary.First,
                ["last"] = summary.Last,
                ["mean"] = summary.Mean,
            },
            ["points"] = new JsonArray([.. points.Select(pt => (JsonNode)new JsonObject { ["at"] = pt.At.ToString("O", CultureInfo.InvariantCulture), ["hammer_per_hour"] = pt.HammerPerHour })]),
        };
    }

    private static Command Compare(CliSession s)
    {
        var names = new Argument<string[]>("class") { Description = "Server classes, e.g. gp.vs1.medium-dfw", Arity = ArgumentArity.OneOrMore };
        var plot = PricingPlots.PlotOption("the classes' hammer price histories on one chart");
        return Cmd.New("compare", "Hyperscaler prices comparable to server classes (--plot: their price histories on one chart)", names, plot).Runs(s, async (p, ct) =>
        {
            if (p.GetValue(plot) is { } plotPath)
            {
                PricingPlots.EnsureSvg(plotPath);
                await PricingPlots.WriteCompareAsync(s, p.GetValue(names)!, plotPath, ct).ConfigureAwait(false);
                return;
            }

            var rows = new List<PriceRow>();
            foreach (var name in p.GetValue(names)!.Distinct(StringComparer.Ordinal))
            {
                rows.AddRange(await s.Client.Pricing.GetAsync(name, ct).ConfigureAwait(false));
            }

            var json = ComparablesJson(rows);
            s.Output.Write(json, () =>
            {
                var table = new TableView("REGION", "CLOUD", "CLASS", "PRICE/H", "SPOT MARKET/H", "SAVING");
                foreach (var r in rows)
                {
                    foreach (var c in r.Comparables)
                    {
                        table.Add(r.Region, c.Cloud, c.ClassName, JsonModels.Money(c.PricePerHour), JsonModels.Money(r.MarketPerHour), Saving(r.MarketPerHour, c.PricePerHour));
                    }

                    table.Add(r.Region, "average", string.Empty, JsonModels.Money(r.HyperscalerAverage), JsonModels.Money(r.MarketPerHour), Saving(r.MarketPerHour, r.HyperscalerAverage));
                }

                return table;
            });
        });
    }

    /// <summary>Per region of a class: its market price and the comparable hyperscaler prices.</summary>
    internal static JsonArray ComparablesJson(IEnumerable<PriceRow> rows) => new([.. rows.Select(r => (JsonNode)new JsonObject
    {
        ["server_class"] = r.ClassName,
        ["region"] = r.Region,
        ["market_per_hour"] = JsonModels.Value(r.MarketPerHour),
        ["hyperscaler_average"] = JsonModels.Value(r.HyperscalerAverage),
        ["comparables"] = new JsonArray([.. r.Comparables.Select(c => (JsonNode)new JsonObject { ["cloud"] = c.Cloud, ["class"] = c.ClassName, ["price_per_hour"] = JsonModels.Value(c.PricePerHour), ["price_raw"] = c.Price })]),
    })]);

    private static string Saving(decimal? spot, decimal? other) =>
        spot is { } a && other is { } b && b > 0 ? ((1 - (a / b)) * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : string.Empty;

    private static Command Build(CliSession s)
    {
        var nodes = new Option<string?>("--nodes") { Description = "Node count", HelpName = "count" };
        var vcpu = new Option<string?>("--vcpu") { Description = "Total vCPU wanted (instead of --nodes)", HelpName = "count" };
        var memory = new Option<string?>("--memory-gb") { Description = "Total memory in GB wanted", HelpName = "gb" };
        var risk = new Option<string>("--risk") { Description = "Preemption risk you accept: low | med | high", DefaultValueFactory = _ => "med" };
        risk.CompletionSources.Add("low", "med", "high");
        var families = Families("--classes");
        var generations = Generations();
        var regions = Cmd.Repeatable(["--in-region", "--regions"], "Regions to consider (repeatable or comma-separated; default the global --region, else all)", "region");
        var maxHourly = new Option<string?>("--max-hourly", "--max-hour") { Description = "Cluster budget: max USD per hour", HelpName = "usd" };
        var minHourly = new Option<string?>("--min-hourly", "--min-hour") { Description = "Min USD per hour", HelpName = "usd" };
        var maxMonthly = new Option<string?>("--max-monthly", "--max-month") { Description = "Cluster budget: max USD per month (730 h)", HelpName = "usd" };
        var minMonthly = new Option<string?>("--min-monthly", "--min-month") { Description = "Min USD per month (730 h)", HelpName = "usd" };
        var bidPolicy = new Option<string>("--bid-policy") { Description = "How bids are set: market (risk multiplier of the market, as the Python rsspot: low 1.35x, med 1.20x, high 1.05x) | percentile (the risk's percentile of recent clearing prices, never below market x multiplier)", DefaultValueFactory = _ => "market" };
        bidPolicy.CompletionSources.Add("market", "percentile");
        var maxBid = new Option<string?>("--max-bid") { Description = "With --apply: allow bids up to this USD per node-hour (default ceiling: the class's on-demand price)", HelpName = "usd" };
        var balanced = new Option<bool>("--balanced") { Description = "Only the scenario spread over several pools (balanced)" };
        var single = new Option<bool>("--single") { Description = "Only the one-pool scenarios (max value, max performance)" };
        var apply = new Option<bool>("--apply") { Description = "Create the chosen scenario's spot pools in --cloudspace (asks first unless --yes)" };
        var cloudspace = new Option<string?>("--cloudspace") { Description = "Cloudspace the plan is for (--apply creates the pools in it): plans in its region only" };
        var scenario = new Option<string>("--scenario") { Description = "Scenario to apply, as the output names it: balanced | max_value | max_performance (max-value, max-performance also work)", DefaultValueFactory = _ => "balanced" };
        scenario.CompletionSources.Add("balanced", "max_value", "max_performance");
        var yes = Cmd.Yes();
        var command = Cmd.New(
            "build",
            """
            Recommend a cluster: three scenarios (max_performance, max_value, balanced) with pools, bids and totals.
            With --cloudspace, plans only with that cloudspace's region's classes (every pool in that one region).
            Give a size: --nodes, or --vcpu and/or --memory-gb. When no scenario is feasible (a budget or filter
            nothing meets), the reason is printed once on stderr and the exit code is 2.

            Examples:
              rsspot pricing build --nodes 3 --risk low
              rsspot pricing build --vcpu 32 --family gp --max-monthly 400
              rsspot pricing build --nodes 4 --apply --cloudspace demo --scenario balanced
              rsspot pricing build --nodes 3 --gen 1 --single --min-hour 0.1 --max-month 400
            """,
            nodes, vcpu, memory, risk, bidPolicy, families, generations, regions, maxHourly, minHourly, maxMonthly, minMonthly, balanced, single, apply, cloudspace, scenario, maxBid, yes);
        return command.Runs(s, async (p, ct) =>
        {
            if (!RiskLevels.TryParse(p.GetValue(risk), out var riskLevel))
            {
                throw new CliUsageException($"--risk: '{p.GetValue(risk)}' is invalid; use low, med or high.");
            }

            if (p.GetValue(balanced) && p.GetValue(single))
            {
                throw new CliUsageException("--balanced and --single: give one of them.");
            }

            var strategy = p.GetValue(balanced) && p.GetResult(scenario) is null or { Implicit: true } ? BuildStrategy.Balanced : ParseStrategy(p.GetValue(scenario)!);
            var csName = p.GetValue(cloudspace);
            if (p.GetValue(apply) && csName is null)
            {
                throw new CliUsageException("--cloudspace: --apply needs the cloudspace to create the pools in.");
            }

            var requestedRegions = Many(p.GetValue(regions)) ?? (s.Region is { } r ? [r] : null);
            var csRegion = csName is null ? null : await CloudspaceRegionAsync(s, csName, requestedRegions, ct).ConfigureAwait(false);
            var request = new ClusterBuildRequest
            {
                Nodes = GuardFlags.Count(p.TypedName(nodes), p.GetValue(nodes), 1, NodeLimits.MaxNodesPerPool),
                TotalVcpu = GuardFlags.Amount(p.TypedName(vcpu), p.GetValue(vcpu), MaxTotal),
                TotalMemoryGb = GuardFlags.Amount(p.TypedName(memory), p.GetValue(memory), MaxTotal),
                Risk = riskLevel,
                BidPolicy = ParseBidPolicy(p.GetValue(bidPolicy)!),
                Families = Many(p.GetValue(families)),
                Generations = GenerationsOf(p.GetValue(generations)),
                Regions = csRegion is null ? requestedRegions : [csRegion],
                SingleRegion = csRegion is not null,
                Strategies = p.GetValue(balanced) ? [BuildStrategy.Balanced] : p.GetValue(single) ? [BuildStrategy.MaxValue, BuildStrategy.MaxPerformance] : null,
                MaxHourly = GuardFlags.Usd(p.TypedName(maxHourly), p.GetValue(maxHourly)),
                MinHourly = GuardFlags.UsdOrZero(p.TypedName(minHourly), p.GetValue(minHourly)),
                MaxMonthly = GuardFlags.Usd(p.TypedName(maxMonthly), p.GetValue(maxMonthly)),
                MinMonthly = GuardFlags.UsdOrZero(p.TypedName(minMonthly), p.GetValue(minMonthly)),
            };
            var result = await s.Client.Pricing.BuildAsync(request, ct).ConfigureAwait(false);
            s.TableUnlessAsked.Write(new JsonShapes(() => BuildJson(result), () => PythonPricing.Build(result)), () => BuildTable(result));
            if (result.Scenarios.All(sc => !sc.IsFeasible))
            {
                throw new CliUsageException(NoFeasibleCluster(result));
            }

            if (!p.GetValue(apply))
            {
                return;
            }

            var chosen = result.Get(strategy);
            if (chosen is not { IsFeasible: true })
            {
                throw new CliUsageException($"Nothing to apply: the {StrategyName(strategy)} scenario is {(chosen is null ? "not built (--balanced/--single left it out)" : "not feasible: " + chosen.Failure?.Message)}. Relax the constraints or pick another --scenario.");
            }

            var summary = string.Join(", ", chosen.Pools.Select(pl => $"{pl.Nodes} x {pl.ServerClass} at ${BidPrice.Format(pl.BidPerNodeHour)}"));
            var ceilingRaise = GuardFlags.Usd(p.TypedName(maxBid), p.GetValue(maxBid));
            var requests = chosen.Pools.Select(pool => new SpotNodePoolRequest(csName!, pool.ServerClass, pool.BidPerNodeHour) { Desired = pool.Nodes, MaxBid = ceilingRaise }).ToList();

            // Every bid is checked against its ceiling before the first pool is created: a glitch never leaves half a plan behind.
            try
            {
                foreach (var request1 in requests)
                {
                    await s.Client.SpotNodePools.CheckBidAsync(request1.ServerClass, request1.BidPrice, request1.MaxBid, ct).ConfigureAwait(false);
                }
            }
            catch (BidCeilingException refusal)
            {
                throw GuardFlags.CeilingRefusal(refusal);
            }

            s.Confirm($"Create {chosen.Pools.Count} spot pool(s) in cloudspace '{csName}' ({summary})", p.GetValue(yes));
            var created = new List<Generated.Api.Models.SpotNodePool>();
            foreach (var request1 in requests)
            {
                created.Add(await s.Client.SpotNodePools.CreateAsync(request1, ct).ConfigureAwait(false));
            }

            s.Err.WriteLine($"Created {created.Count} spot pool(s) in cloudspace '{csName}': {string.Join(", ", created.Select(c => c.Metadata?.Name))}");
        });
    }

    /// <summary>
    /// The region of the cloudspace a plan is for: its pools can only use that region's classes. A region filter
    /// that leaves it out is a contradiction, so it is refused rather than silently replaced.
    /// </summary>
    private static async Task<string> CloudspaceRegionAsync(CliSession s, string cloudspace, IReadOnlyList<string>? requestedRegions, CancellationToken ct)
    {
        var found = await s.Client.Cloudspaces.GetAsync(cloudspace, ct).ConfigureAwait(false);
        var region = found.Spec?.Region is { Length: > 0 } known
            ? known
            : throw new SpotException($"Cloudspace '{cloudspace}' has no region in the API's answer, so no plan can be made for it.");
        if (requestedRegions is { Count: > 0 } && !requestedRegions.Any(r => region.Contains(r, StringComparison.OrdinalIgnoreCase)))
        {
            throw new CliUsageException($"--in-region/--regions/--region: cloudspace '{cloudspace}' is in {region}, so its pools can only use {region}'s server classes; leave the region filter out or include {region}.");
        }

        return region;
    }

    /// <summary>Why no scenario is feasible, each distinct reason once.</summary>
    private static string NoFeasibleCluster(ClusterBuildResult result)
    {
        var reasons = result.Scenarios.Select(sc => sc.Failure?.Message).Append(result.Failure?.Message).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return reasons.Count == 0 ? "No feasible cluster." : "No feasible cluster: " + string.Join(" ", reasons);
    }

    /// <summary>The most vCPU per node a filter takes.</summary>
    private const decimal MaxVcpuPerNode = 10_000m;

    /// <summary>The largest total vCPU or memory (GB) a build takes.</summary>
    private const decimal MaxTotal = 10_000_000m;

    private static BidPolicyKind ParseBidPolicy(string text) => text.Trim().ToLowerInvariant() switch
    {
        "market" or "multiplier" => BidPolicyKind.Market,
        "percentile" => BidPolicyKind.Percentile,
        _ => throw new CliUsageException($"--bid-policy: '{text}' is invalid; use market or percentile."),
    };

    private static BuildStrategy ParseStrategy(string text) => text.Replace("_", "-", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "balanced" => BuildStrategy.Balanced,
        "max-value" => BuildStrategy.MaxValue,
        "max-performance" => BuildStrategy.MaxPerformance,
        _ => throw new CliUsageException($"--scenario: '{text}' is invalid; use balanced, max_value or max_performance."),
    };

    private static string StrategyName(BuildStrategy strategy) => strategy switch
    {
        BuildStrategy.MaxPerformance => "max_performance",
        BuildStrategy.MaxValue => "max_value",
        _ => "balanced",
    };

    internal static JsonObject BuildJson(ClusterBuildResult result) => new()
    {
        ["risk"] = result.Request.Risk.ToShortName(),
        ["candidates_considered"] = result.CandidatesConsidered,
        ["candidates_eligible"] = result.CandidatesEligible,
        ["failure"] = result.Failure is null ? null : new JsonObject { ["constraint"] = result.Failure.Constraint.ToString(), ["message"] = result.Failure.Message },
        ["scenarios"] = new JsonArray([.. result.Scenarios.Select(sc => (JsonNode)new JsonObject
        {
            ["strategy"] = StrategyName(sc.Strategy),
            ["feasible"] = sc.IsFeasible,
            ["failure"] = sc.Failure?.Message,
            ["nodes"] = sc.Nodes,
            ["hourly_cost"] = sc.HourlyCost,
            ["monthly_cost"] = sc.MonthlyCost,
            ["vcpu"] = sc.Vcpu,
            ["memory_gb"] = sc.MemoryGb,
            ["pools"] = new JsonArray([.. sc.Pools.Select(pl => (JsonNode)new JsonObject
            {
                ["server_class"] = pl.ServerClass,
                ["region"] = pl.Region,
                ["nodes"] = pl.Nodes,
                ["bid_per_node_hour"] = pl.BidPerNodeHour,
                ["bid_source"] = pl.BidSource == BidSource.Percentile ? "percentile" : "market_multiplier",
                ["bid_basis"] = pl.BidBasis,
                ["market_per_hour"] = pl.MarketPerHour,
                ["hourly_cost"] = pl.HourlyCost,
            })]),
            ["notes"] = new JsonArray([.. sc.Notes.Select(n => (JsonNode)n)]),
            ["exclusions"] = new JsonArray([.. sc.Exclusions.Select(e => (JsonNode)new JsonObject { ["server_class"] = e.ServerClass, ["region"] = e.Region, ["constraint"] = e.Constraint.ToString(), ["reason"] = e.Reason })]),
        })]),
    };

    // An infeasible scenario is one short row; its reason goes to stderr once (with the exit code), not into a column.
    private static TableView BuildTable(ClusterBuildResult result)
    {
        var table = new TableView("SCENARIO", "CLASS", "REGION", "NODES", "BID/NODE-H", "BID FROM", "HOURLY", "MONTHLY", "VCPU", "MEM GB");
        foreach (var sc in result.Scenarios)
        {
            if (!sc.IsFeasible)
            {
                table.Add(StrategyName(sc.Strategy), "not feasible");
                continue;
            }

            foreach (var pl in sc.Pools)
            {
                table.Add(StrategyName(sc.Strategy), pl.ServerClass, pl.Region, NodePoolViews.Count(pl.Nodes), JsonModels.Money(pl.BidPerNodeHour), pl.BidSource == BidSource.Percentile ? "percentile" : "market x", JsonModels.Money(pl.HourlyCost), JsonModels.Money(pl.MonthlyCost), JsonModels.Number(pl.Vcpu), JsonModels.Number(pl.MemoryGb));
            }

            table.Add(StrategyName(sc.Strategy), "total", string.Empty, NodePoolViews.Count(sc.Nodes), string.Empty, string.Empty, JsonModels.Money(sc.HourlyCost), JsonModels.Money(sc.MonthlyCost), JsonModels.Number(sc.Vcpu), JsonModels.Number(sc.MemoryGb));
        }

        return table;
    }
}
