using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Autopilot;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Kube;
using Rsspot.Emulator.Market;

namespace Rsspot.Emulator.State;

/// <summary>
/// Computes the server-owned <c>status</c> of cloudspaces and node pools from the clock and the catalog:
/// phase Provisioning until the ready delay has passed, then Ready with an API endpoint; spot pools win
/// when their bid reaches the class's current market price (see <see cref="MarketBoard"/>), and a change of outcome
/// is written to the organization's events. Run before every read, so time alone moves phases and prices.
/// </summary>
internal sealed class StatusReconciler(SpotCatalog catalog, MarketBoard market, EmulatorOptions options, KubePaths kube, VmStatus vms)
{
    public const string DefaultKubernetesVersion = "1.31.1";

    private readonly AutopilotAllocator _autopilot = new(catalog, market, options);

    /// <summary>Updates every cloudspace and pool of a namespace. Call with the state lock held.</summary>
    public void Reconcile(EmulatorState state, string ns)
    {
        var now = options.TimeProvider.GetUtcNow();
        RemoveDeleted(state, ns, now);
        var allocated = _autopilot.Allocate(state, ns);
        var spotPools = state.List(ResourceKind.SpotNodePool, ns);
        foreach (var pool in spotPools)
        {
            var market = MarketPrice(pool);
            var status = SpotPoolStatus(pool, market);
            AuctionEvents.RecordChange(state.Events, ns, now, pool, market, pool.Body["status"] as JsonObject, status);
            pool.Body["status"] = status;
        }

        _autopilot.Report(state, ns);
        if (allocated)
        {
            state.Commit();
        }

        foreach (var pool in state.List(ResourceKind.OnDemandNodePool, ns))
        {
            var desired = Desired(pool);
            pool.Body["status"] = new JsonObject { ["reservedStatus"] = "Fulfilled", ["reservedCount"] = desired };
        }

        foreach (var cloudspace in state.List(ResourceKind.CloudSpace, ns))
        {
            cloudspace.Body["status"] = CloudSpaceStatus(cloudspace, spotPools.Where(p => p.SpecString("cloudSpace") == cloudspace.Name), now);
        }

        vms.Reconcile(state, ns, now);
    }

    /// <summary>Removes the objects whose deletion grace period has passed. Call with the state lock held.</summary>
    public void RemoveDeleted(EmulatorState state, string ns) => RemoveDeleted(state, ns, options.TimeProvider.GetUtcNow());

    // Objects whose deletion grace period has passed are gone; a cloudspace's pools go before it.
    private static void RemoveDeleted(EmulatorState state, string ns, DateTimeOffset now)
    {
        var removed = false;
        foreach (var kind in new[] { ResourceKind.SpotNodePool, ResourceKind.OnDemandNodePool, ResourceKind.AutopilotNodePool, ResourceKind.CloudSpace, ResourceKind.VmPool, ResourceKind.VmCloudSpace, ResourceKind.VmSshKey })
        {
            foreach (var resource in state.List(kind, ns).Where(r => r.DeletionTimestamp <= now))
            {
                state.Remove(resource);
                var cloudSpace = (resource.SpecString("cloudSpace") ?? resource.SpecString("vmCloudSpace")) is { } owner ? $" in {(kind == ResourceKind.VmPool ? "vmcloudspace" : "cloudspace")} {owner}" : string.Empty;
                state.Events.Record(ns, now, $"{kind.Kind} {resource.Name} deleted{cloudSpace}");
                removed = true;
            }
        }

        if (removed)
        {
            state.Commit();
        }
    }

    // The emulator's own kube API for this cloudspace (see Kube/KubeApiEndpoints), so kubectl can reach it.
    private string ApiServerEndpoint(StoredResource cloudspace) => kube.Endpoint(cloudspace.Namespace, cloudspace.Name);

    private JsonObject CloudSpaceStatus(StoredResource cloudspace, IEnumerable<StoredResource> pools, DateTimeOffset now)
    {
        var readyAt = cloudspace.CreatedAt + options.ReadyAfter;
        var ready = now >= readyAt;
        var bids = new JsonObject();
        foreach (var pool in pools)
        {
            bids[pool.Name] = new JsonObject
            {
                ["bidName"] = pool.Name,
                ["type"] = "spot",
                ["wonCount"] = pool.Body["status"]?["wonCount"]?.GetValue<int>() ?? 0,
            };
        }

        var status = new JsonObject
        {
            ["phase"] = cloudspace.IsTerminating ? "Terminating" : ready ? "Ready" : "Provisioning",
            ["health"] = ready ? "Healthy" : "Unknown",
            ["currentKubernetesVersion"] = cloudspace.SpecString("kubernetesVersion") ?? DefaultKubernetesVersion,
            ["bids"] = bids,
        };
        if (ready)
        {
            status["APIServerEndpoint"] = ApiServerEndpoint(cloudspace);
            status["firstReadyTimestamp"] = readyAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
        else
        {
            status["reason"] = "control plane is being provisioned";
        }

        return status;
    }

    private decimal? MarketPrice(StoredResource pool) =>
        catalog.FindClass(pool.SpecString("serverClass")) is { } c ? market.Priced(c).MarketPrice : null;

    private static JsonObject SpotPoolStatus(StoredResource pool, decimal? market)
    {
        var bidText = pool.SpecString("bidPrice");
        var hasBid = decimal.TryParse(bidText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bid);
        var bidStatus = market is null || !hasBid ? "Pending" : bid >= market ? "Won" : "Lost";
        return new JsonObject
        {
            ["bidStatus"] = bidStatus,
            ["wonCount"] = bidStatus == "Won" ? Desired(pool) : 0,
        };
    }

    private static int Desired(StoredResource pool) =>
        pool.Spec["desired"] is JsonValue v && v.TryGetValue<int>(out var desired) ? desired : 0;
}
