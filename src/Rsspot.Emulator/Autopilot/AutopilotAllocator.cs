using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Market;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Autopilot;

/// <summary>
/// Fills autopilot node pools with child spot node pools, as Spot does: one child per allocated class, labelled
/// <c>ngpc.rxt.io/autopilotnodepool=&lt;pool&gt;</c> and owned by the pool. It re-plans when a child is outbid (its class
/// cools down for <see cref="Cooldown"/>), when the spec changes what fits, or when the market makes another set of
/// classes at least 10 % cheaper; every change is written to the pool's allocation history and class states, and
/// to the organization's events. Call with the state lock held.
/// </summary>
internal sealed class AutopilotAllocator(SpotCatalog catalog, MarketBoard market, EmulatorOptions options)
{
    public const string OwnerLabel = "ngpc.rxt.io/autopilotnodepool";
    public static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(5);
    private const int HistoryLimit = 50;
    private const decimal MoveWhenCheaperBy = 0.9m;

    /// <summary>The child spot node pools of an autopilot pool.</summary>
    public static IReadOnlyList<StoredResource> ChildrenOf(EmulatorState state, StoredResource pool) =>
        [.. state.List(ResourceKind.SpotNodePool, pool.Namespace).Where(p => p.Body["metadata"]?["labels"]?[OwnerLabel] is JsonValue v && v.TryGetValue<string>(out var owner) && owner == pool.Name)];

    /// <summary>Creates, changes and removes child pools; returns true when anything changed.</summary>
    public bool Allocate(EmulatorState state, string ns)
    {
        var now = options.TimeProvider.GetUtcNow();
        var changed = false;
        foreach (var pool in state.List(ResourceKind.AutopilotNodePool, ns).Where(p => !p.IsTerminating))
        {
            changed |= Allocate(state, pool, now);
        }

        return changed;
    }

    /// <summary>Writes every autopilot pool's status from its children. Run after the children's own status.</summary>
    public void Report(EmulatorState state, string ns)
    {
        foreach (var pool in state.List(ResourceKind.AutopilotNodePool, ns))
        {
            var before = pool.Body["status"] as JsonObject;
            var allocations = new JsonArray();
            var managedVcpus = 0;
            var managedMemory = 0m;
            foreach (var child in ChildrenOf(state, pool))
            {
                var c = catalog.FindClass(child.SpecString("serverClass"));
                var won = AutopilotRules.Whole(child.Body["status"]?["wonCount"]) ?? 0;
                var allocation = new JsonObject
                {
                    ["serverClass"] = child.SpecString("serverClass"),
                    ["spotNodePool"] = child.Name,
                    ["marketPricePerHour"] = c is not null && market.Priced(c).MarketPrice is { } m ? SpotCatalog.Price(m) : string.Empty,
                    ["bidPricePerHour"] = child.SpecString("bidPrice"),
                    ["vcpuPerNode"] = c?.Cpu ?? 0,
                    ["memoryGBPerNode"] = c is null ? null : Gb(c.MemoryGb),
                    ["desiredNodes"] = AutopilotRules.Whole(child.Spec["desired"]) ?? 0,
                    ["wonNodes"] = won,
                };
                allocations.Add(allocation);
                managedVcpus += won * (c?.Cpu ?? 0);
                managedMemory += won * (c?.MemoryGb ?? 0);
            }

            var target = AutopilotRules.Whole(pool.Spec["vcpu"]?["total"]) ?? 0;
            pool.Body["status"] = new JsonObject
            {
                ["phase"] = pool.IsTerminating ? "Terminating" : managedVcpus >= target && target > 0 ? "Fulfilled" : managedVcpus > 0 ? "PartiallyFulfilled" : "Pending",
                ["targetVCPUs"] = target,
                ["managedVCPUs"] = managedVcpus,
                ["managedMemoryGB"] = Gb(managedMemory),
                ["allocations"] = allocations,
                ["classStates"] = before?["classStates"]?.DeepClone() ?? new JsonArray(),
                ["allocationsHistory"] = before?["allocationsHistory"]?.DeepClone() ?? new JsonArray(),
            };
        }
    }

    private bool Allocate(EmulatorState state, StoredResource pool, DateTimeOffset now)
    {
        var spec = pool.Spec;
        var total = AutopilotRules.Whole(spec["vcpu"]?["total"]) ?? 0;
        var budget = decimal.TryParse(AutopilotRules.Text(spec["budgetPerHour"]), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var b) ? b : 0m;
        var region = pool.SpecString("region");
        var min = AutopilotRules.Whole(spec["vcpuPerNode"]?["min"]);
        var max = AutopilotRules.Whole(spec["vcpuPerNode"]?["max"]);
        var memory = pool.SpecString("memoryPerVCPU") ?? "any";
        var status = pool.Body["status"] as JsonObject ?? [];
        var states = ReadStates(status);
        var history = (status["allocationsHistory"] as JsonArray)?.DeepClone().AsArray() ?? [];
        var children = ChildrenOf(state, pool);

        // A child whose bid the market has passed is lost: its class cools down and the pool re-plans without it.
        var lost = new List<StoredResource>();
        foreach (var child in children)
        {
            var className = child.SpecString("serverClass");
            var priced = catalog.FindClass(className) is { } c ? market.Priced(c) : null;
            var bid = decimal.TryParse(child.SpecString("bidPrice"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x) ? x : 0m;
            if (priced?.MarketPrice is not { } m || m > bid)
            {
                lost.Add(child);
                states[className ?? string.Empty] = ClassState(className, "Lost", now, now + Cooldown);
                Add(history, now, "Lost", className, child.Name, $"market {(priced?.MarketPrice is { } mm ? SpotCatalog.Price(mm) : "unknown")} above bid {child.SpecString("bidPrice")}", AutopilotRules.Whole(child.Spec["desired"]) ?? 0, 0, child.SpecString("bidPrice"));
            }
        }

        var candidates = catalog.ServerClasses
            .Where(c => c.Region == region && c.Availability == "available" && !c.IsBareMetal)
            .Where(c => (min is not int lo || c.Cpu >= lo) && (max is not int hi || c.Cpu <= hi))
            .Where(c => MemoryMatches(memory, c))
            .Where(c => !(states.TryGetValue(c.Name, out var s) && CooldownUntil(s) > now))
            .Select(market.Priced)
            .ToList();
        var plan = AutopilotPlanner.Plan(candidates, total, budget);

        var current = children.Except(lost).ToList();
        if (lost.Count == 0 && states.Count > 0 && IsGoodEnough(current, plan, candidates, total, budget))
        {
            return SyncNodeMetadata(pool, current);
        }

        var planned = plan.Classes.ToDictionary(p => p.Class.Name, StringComparer.Ordinal);
        foreach (var child in children)
        {
            var className = child.SpecString("serverClass") ?? string.Empty;
            if (lost.Contains(child) || !planned.ContainsKey(className))
            {
                state.Remove(child);
                if (!lost.Contains(child))
                {
                    Add(history, now, "Released", className, child.Name, "a cheaper allocation replaces it", AutopilotRules.Whole(child.Spec["desired"]) ?? 0, 0, child.SpecString("bidPrice"));
                }

                state.Events.Record(pool.Namespace, now, $"SpotNodePool {child.Name} deleted by AutopilotNodePool {pool.Name}");
            }
        }

        foreach (var (className, outcome) in plan.Outcomes)
        {
            states[className] = ClassState(className, outcome, now, null);
        }

        foreach (var p in plan.Classes)
        {
            var bidText = p.Bid.ToString("0.000", CultureInfo.InvariantCulture);
            if (children.Except(lost).FirstOrDefault(c => c.SpecString("serverClass") == p.Class.Name) is { } existing)
            {
                if (AutopilotRules.Whole(existing.Spec["desired"]) != p.Nodes || existing.SpecString("bidPrice") != bidText)
                {
                    existing.Spec["desired"] = p.Nodes;
                    existing.Spec["bidPrice"] = bidText;
                    existing.Body["metadata"]!["resourceVersion"] = state.NextResourceVersion();
                    Add(history, now, "Resized", p.Class.Name, existing.Name, $"{p.Nodes} node(s) at bid {bidText}", p.Nodes, 0, bidText);
                }

                continue;
            }

            var child = NewChild(state, pool, p, bidText, now);
            state.Add(child);
            state.Events.Record(pool.Namespace, now, $"SpotNodePool {child.Name} created by AutopilotNodePool {pool.Name} in cloudspace {pool.SpecString("cloudSpace")}");
            Add(history, now, "Allocated", p.Class.Name, child.Name, $"market {SpotCatalog.Price(p.Market)}, {p.Class.Cpu} vCPU per node", p.Nodes, 0, bidText);
        }

        status["classStates"] = new JsonArray([.. states.Values.OrderBy(s => AutopilotRules.Text(s["serverClass"]), StringComparer.Ordinal)]);
        while (history.Count > HistoryLimit)
        {
            history.RemoveAt(0);
        }

        status["allocationsHistory"] = history;
        pool.Body["status"] = status;
        SyncNodeMetadata(pool, [.. ChildrenOf(state, pool)]);
        return true;
    }

    // Keep the current children unless the plan fills more, they no longer fit the spec or budget, or the plan is clearly cheaper.
    private static bool IsGoodEnough(List<StoredResource> current, AutopilotPlan plan, List<ServerClassInfo> candidates, int total, decimal budget)
    {
        if (current.Count == 0)
        {
            return plan.Classes.Count == 0;
        }

        var byName = candidates.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var vcpus = 0;
        var cost = 0m;
        var marketCost = 0m;
        foreach (var child in current)
        {
            if (!byName.TryGetValue(child.SpecString("serverClass") ?? string.Empty, out var c))
            {
                return false;
            }

            var nodes = AutopilotRules.Whole(child.Spec["desired"]) ?? 0;
            var bid = decimal.TryParse(child.SpecString("bidPrice"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x) ? x : 0m;
            vcpus += nodes * c.Cpu;
            cost += nodes * bid;
            marketCost += nodes * (c.MarketPrice ?? 0m);
        }

        return vcpus <= total && cost <= budget && vcpus >= plan.Vcpus && plan.MarketCost >= marketCost * MoveWhenCheaperBy;
    }

    // Node labels, annotations and taints of the autopilot pool apply to every child.
    private static bool SyncNodeMetadata(StoredResource pool, IReadOnlyList<StoredResource> children)
    {
        var changed = false;
        foreach (var child in children)
        {
            foreach (var field in new[] { "customLabels", "customAnnotations", "customTaints" })
            {
                var wanted = pool.Spec[field];
                if (!JsonNode.DeepEquals(wanted, child.Spec[field]))
                {
                    if (wanted is null)
                    {
                        child.Spec.Remove(field);
                    }
                    else
                    {
                        child.Spec[field] = wanted.DeepClone();
                    }

                    changed = true;
                }
            }
        }

        return changed;
    }

    private static StoredResource NewChild(EmulatorState state, StoredResource pool, PlannedClass p, string bidText, DateTimeOffset now)
    {
        var name = Guid.NewGuid().ToString("D");
        var body = new JsonObject
        {
            ["apiVersion"] = ResourceKind.ApiVersion,
            ["kind"] = ResourceKind.SpotNodePool.Kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = pool.Namespace,
                ["uid"] = Guid.NewGuid().ToString(),
                ["creationTimestamp"] = Timestamp(now),
                ["generation"] = 1,
                ["resourceVersion"] = state.NextResourceVersion(),
                ["labels"] = new JsonObject
                {
                    [ResourceKind.CloudSpaceLabel] = pool.SpecString("cloudSpace"),
                    [OwnerLabel] = pool.Name,
                },
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = ResourceKind.ApiVersion,
                    ["kind"] = ResourceKind.AutopilotNodePool.Kind,
                    ["name"] = pool.Name,
                    ["uid"] = pool.Uid,
                    ["controller"] = true,
                    ["blockOwnerDeletion"] = true,
                }),
            },
            ["spec"] = new JsonObject
            {
                ["cloudSpace"] = pool.SpecString("cloudSpace"),
                ["serverClass"] = p.Class.Name,
                ["bidPrice"] = bidText,
                ["desired"] = p.Nodes,
            },
        };
        return new StoredResource(ResourceKind.SpotNodePool, pool.Namespace, name, now, body);
    }

    // The nearest of 2, 4 and 8 GB per vCPU on a doubling scale (3.75 GB per vCPU counts as 4).
    private static bool MemoryMatches(string memory, ServerClassInfo c)
    {
        if (memory == "any")
        {
            return true;
        }

        var ratio = Math.Log2((double)(c.MemoryGb / c.Cpu));
        var nearest = new[] { 2, 4, 8 }.MinBy(v => Math.Abs(ratio - Math.Log2(v)));
        return nearest.ToString(CultureInfo.InvariantCulture) == memory;
    }

    private static Dictionary<string, JsonObject> ReadStates(JsonObject status)
    {
        var states = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var item in status["classStates"] as JsonArray ?? [])
        {
            if (item is JsonObject s && AutopilotRules.Text(s["serverClass"]) is { } name)
            {
                states[name] = (JsonObject)s.DeepClone();
            }
        }

        return states;
    }

    private static DateTimeOffset? CooldownUntil(JsonObject state) =>
        AutopilotRules.Text(state["cooldownUntil"]) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static JsonObject ClassState(string? className, string outcome, DateTimeOffset now, DateTimeOffset? cooldownUntil)
    {
        var state = new JsonObject
        {
            ["serverClass"] = className,
            ["lastOutcome"] = outcome,
            ["lastAttemptTime"] = Timestamp(now),
        };
        if (cooldownUntil is { } until)
        {
            state["cooldownUntil"] = Timestamp(until);
        }

        return state;
    }

    private static void Add(JsonArray history, DateTimeOffset now, string @event, string? serverClass, string? spotNodePool, string reason, int desired, int won, string? bid) =>
        history.Add(new JsonObject
        {
            ["time"] = Timestamp(now),
            ["serverClass"] = serverClass,
            ["spotNodePool"] = spotNodePool,
            ["event"] = @event,
            ["reason"] = reason,
            ["desiredNodes"] = desired,
            ["wonNodes"] = won,
            ["bidPricePerHour"] = bid,
        });

    private static string Gb(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
