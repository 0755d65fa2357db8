using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Pricing;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Pricing;

/// <summary>
/// <c>pricing build</c>: three scenarios (max_performance, max_value, balanced) with pools, bids and totals;
/// <c>--apply</c> creates the chosen scenario's spot pools in <c>--cloudspace</c>.
/// </summary>
internal static class BuildCommand
{
    /// <summary>The largest total vCPU or memory (GB) a build takes.</summary>
    private const decimal MaxTotal = 10_000_000m;

    /// <summary>The flags as given; the words (risk, policy, scenario) are read by <see cref="RunAsync"/>.</summary>
    internal sealed record Options
    {
        public string Risk { get; init; } = "med";

        public string BidPolicy { get; init; } = "market";

        public bool Balanced { get; init; }

        public bool Single { get; init; }

        public string Scenario { get; init; } = "balanced";

        /// <summary>--scenario was given (not its default).</summary>
        public bool ScenarioGiven { get; init; }

        public bool Apply { get; init; }

        public string? Cloudspace { get; init; }

        /// <summary>The regions asked for (--in-region, else the global --region), or null for all.</summary>
        public IReadOnlyList<string>? Regions { get; init; }

        public int? Nodes { get; init; }

        public decimal? TotalVcpu { get; init; }

        public decimal? TotalMemoryGb { get; init; }

        public IReadOnlyList<string>? Families { get; init; }

        public IReadOnlyList<string>? Generations { get; init; }

        public decimal? MaxHourly { get; init; }

        public decimal? MinHourly { get; init; }

        public decimal? MaxMonthly { get; init; }

        public decimal? MinMonthly { get; init; }

        /// <summary>--max-bid as typed (read only when the plan is applied).</summary>
        public string? MaxBid { get; init; }

        public string MaxBidFlag { get; init; } = "--max-bid";

        public bool Yes { get; init; }
    }

    public static Command Create(CliSession session)
    {
        var nodes = new Option<string?>("--nodes") { Description = "Node count", HelpName = "count" };
        var vcpu = new Option<string?>("--vcpu") { Description = "Total vCPU wanted (instead of --nodes)", HelpName = "count" };
        var memory = new Option<string?>("--memory-gb") { Description = "Total memory in GB wanted", HelpName = "gb" };
        var risk = new Option<string>("--risk") { Description = "Preemption risk you accept: low | med | high", DefaultValueFactory = _ => "med" };
        risk.CompletionSources.Add("low", "med", "high");
        var families = PriceFilters.Families("--classes");
        var generations = PriceFilters.Generations();
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
        return command.Runs(session, (p, ct) => RunAsync(
            new Options
            {
                Risk = p.GetValue(risk)!,
                BidPolicy = p.GetValue(bidPolicy)!,
                Balanced = p.GetValue(balanced),
                Single = p.GetValue(single),
                Scenario = p.GetValue(scenario)!,
                ScenarioGiven = p.GetResult(scenario) is { Implicit: false },
                Apply = p.GetValue(apply),
                Cloudspace = p.GetValue(cloudspace),
                Regions = PriceFilters.Many(p.GetValue(regions)) ?? (session.Region is { } r ? [r] : null),
                Nodes = GuardFlags.Count(p.TypedName(nodes), p.GetValue(nodes), 1, NodeLimits.MaxNodesPerPool),
                TotalVcpu = GuardFlags.Amount(p.TypedName(vcpu), p.GetValue(vcpu), MaxTotal),
                TotalMemoryGb = GuardFlags.Amount(p.TypedName(memory), p.GetValue(memory), MaxTotal),
                Families = PriceFilters.Many(p.GetValue(families)),
                Generations = PriceFilters.GenerationsOf(p.GetValue(generations)),
                MaxHourly = GuardFlags.Usd(p.TypedName(maxHourly), p.GetValue(maxHourly)),
                MinHourly = GuardFlags.UsdOrZero(p.TypedName(minHourly), p.GetValue(minHourly)),
                MaxMonthly = GuardFlags.Usd(p.TypedName(maxMonthly), p.GetValue(maxMonthly)),
                MinMonthly = GuardFlags.UsdOrZero(p.TypedName(minMonthly), p.GetValue(minMonthly)),
                MaxBid = p.GetValue(maxBid),
                MaxBidFlag = p.TypedName(maxBid),
                Yes = p.GetValue(yes),
            },
            session,
            ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        if (!RiskLevels.TryParse(options.Risk, out var riskLevel))
        {
            throw new CliUsageException($"--risk: '{options.Risk}' is invalid; use low, med or high.");
        }

        if (options.Balanced && options.Single)
        {
            throw new CliUsageException("--balanced and --single: give one of them.");
        }

        var strategy = options.Balanced && !options.ScenarioGiven ? BuildStrategy.Balanced : ParseStrategy(options.Scenario);
        var csName = options.Cloudspace;
        if (options.Apply && csName is null)
        {
            throw new CliUsageException("--cloudspace: --apply needs the cloudspace to create the pools in.");
        }

        var csRegion = csName is null ? null : await CloudspaceRegionAsync(session, csName, options.Regions, ct).ConfigureAwait(false);
        var request = new ClusterBuildRequest
        {
            Nodes = options.Nodes,
            TotalVcpu = options.TotalVcpu,
            TotalMemoryGb = options.TotalMemoryGb,
            Risk = riskLevel,
            BidPolicy = ParseBidPolicy(options.BidPolicy),
            Families = options.Families,
            Generations = options.Generations,
            Regions = csRegion is null ? options.Regions : [csRegion],
            SingleRegion = csRegion is not null,
            Strategies = options.Balanced ? [BuildStrategy.Balanced] : options.Single ? [BuildStrategy.MaxValue, BuildStrategy.MaxPerformance] : null,
            MaxHourly = options.MaxHourly,
            MinHourly = options.MinHourly,
            MaxMonthly = options.MaxMonthly,
            MinMonthly = options.MinMonthly,
        };
        var result = await session.Client.Pricing.BuildAsync(request, ct).ConfigureAwait(false);
        session.TableUnlessAsked.Write(new JsonShapes(() => PriceJson.Build(result), () => PythonPricing.Build(result)), () => PriceViews.Build(result));
        if (result.Scenarios.All(sc => !sc.IsFeasible))
        {
            throw new CliUsageException(NoFeasibleCluster(result));
        }

        if (options.Apply)
        {
            await ApplyAsync(options, session, result, strategy, csName!, ct).ConfigureAwait(false);
        }
    }

    private static async Task ApplyAsync(Options options, CliSession session, ClusterBuildResult result, BuildStrategy strategy, string csName, CancellationToken ct)
    {
        var chosen = result.Get(strategy);
        if (chosen is not { IsFeasible: true })
        {
            throw new CliUsageException($"Nothing to apply: the {PriceJson.StrategyName(strategy)} scenario is {(chosen is null ? "not built (--balanced/--single left it out)" : "not feasible: " + chosen.Failure?.Message)}. Relax the constraints or pick another --scenario.");
        }

        var summary = string.Join(", ", chosen.Pools.Select(pl => $"{pl.Nodes} x {pl.ServerClass} at ${BidPrice.Format(pl.BidPerNodeHour)}"));
        var ceilingRaise = GuardFlags.Usd(options.MaxBidFlag, options.MaxBid);
        var requests = chosen.Pools.Select(pool => new SpotNodePoolRequest(csName, pool.ServerClass, pool.BidPerNodeHour) { Desired = pool.Nodes, MaxBid = ceilingRaise }).ToList();

        // Every bid is checked against its ceiling before the first pool is created: a glitch never leaves half a plan behind.
        try
        {
            foreach (var request in requests)
            {
                await session.Client.SpotNodePools.CheckBidAsync(request.ServerClass, request.BidPrice, request.MaxBid, ct).ConfigureAwait(false);
            }
        }
        catch (BidCeilingException refusal)
        {
            throw GuardFlags.CeilingRefusal(refusal);
        }

        session.Confirm($"Create {chosen.Pools.Count} spot pool(s) in cloudspace '{csName}' ({summary})", options.Yes);
        var created = new List<Generated.Api.Models.SpotNodePool>();
        foreach (var request in requests)
        {
            created.Add(await session.Client.SpotNodePools.CreateAsync(request, ct).ConfigureAwait(false));
        }

        session.Err.WriteLine($"Created {created.Count} spot pool(s) in cloudspace '{csName}': {string.Join(", ", created.Select(c => c.Metadata?.Name))}");
    }

    /// <summary>
    /// The region of the cloudspace a plan is for: its pools can only use that region's classes. A region filter
    /// that leaves it out is a contradiction, so it is refused rather than silently replaced.
    /// </summary>
    private static async Task<string> CloudspaceRegionAsync(CliSession session, string cloudspace, IReadOnlyList<string>? requestedRegions, CancellationToken ct)
    {
        var found = await session.Client.Cloudspaces.GetAsync(cloudspace, ct).ConfigureAwait(false);
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
}
