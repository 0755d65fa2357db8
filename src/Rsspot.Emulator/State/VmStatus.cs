using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Market;

namespace Rsspot.Emulator.State;

/// <summary>
/// The server-owned status of VM objects: a key's fingerprint; a VM pool's bid status following the market (a spot
/// bid at or above the class's market price is Fulfilled with every machine, below it Lost with none; on-demand
/// pools are always Fulfilled); a VM cloudspace's phase (Provisioning until the ready delay has passed, then Ready),
/// its bids and the machines its pools won, each with an address. Seeded objects keep the status they were given.
/// </summary>
internal sealed class VmStatus(SpotCatalog catalog, MarketBoard market, EmulatorOptions options)
{
    public const string Fulfilled = "Fulfilled";
    public const string Lost = "Lost";

    /// <summary>Updates every VM object of a namespace. Call with the state lock held.</summary>
    public void Reconcile(EmulatorState state, string ns, DateTimeOffset now)
    {
        foreach (var key in state.List(ResourceKind.VmSshKey, ns).Where(k => !k.Seeded))
        {
            var fingerprint = key.SpecString("publicKey") is { } text ? VmRules.Fingerprint(text) : null;
            key.Body["status"] = new JsonObject { ["fingerprint"] = fingerprint ?? string.Empty, ["validated"] = fingerprint is not null };
        }

        var pools = state.List(ResourceKind.VmPool, ns);
        foreach (var pool in pools.Where(p => !p.Seeded))
        {
            var before = pool.Body["status"]?["bidStatus"]?.GetValue<string>();
            var status = PoolStatus(pool);
            pool.Body["status"] = status;
            var after = status["bidStatus"]!.GetValue<string>();
            if (before is not null && before != after)
            {
                state.Events.Record(ns, now, $"VMPool {pool.Name} bid {after.ToLowerInvariant()} in vmcloudspace {pool.SpecString("vmCloudSpace")}");
            }
        }

        foreach (var cloudspace in state.List(ResourceKind.VmCloudSpace, ns))
        {
            Update(cloudspace, pools.Where(p => p.SpecString("vmCloudSpace") == cloudspace.Name).ToList(), now);
        }
    }

    private JsonObject PoolStatus(StoredResource pool)
    {
        var desired = pool.Spec["desired"] is JsonValue v && v.TryGetValue<int>(out var d) ? d : 0;
        if (pool.SpecString("poolType") == "ondemand")
        {
            return new JsonObject { ["bidStatus"] = Fulfilled, ["wonCount"] = desired };
        }

        var price = catalog.FindClass(pool.SpecString("serverClass")) is { } c ? market.Priced(c).MarketPrice : null;
        var hasBid = decimal.TryParse(pool.SpecString("bidPrice"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bid);
        var won = price is decimal p && hasBid && bid >= p;
        return new JsonObject
        {
            ["bidStatus"] = price is null || !hasBid ? "Pending" : won ? Fulfilled : Lost,
            ["wonCount"] = won ? desired : 0,
        };
    }

    private void Update(StoredResource cloudspace, List<StoredResource> pools, DateTimeOffset now)
    {
        if (cloudspace.Body["status"] is not JsonObject status)
        {
            cloudspace.Body["status"] = status = [];
        }

        if (!cloudspace.Seeded)
        {
            var ready = now >= cloudspace.CreatedAt + options.ReadyAfter;
            status["phase"] = cloudspace.IsTerminating ? "Terminating" : ready ? "Ready" : "Provisioning";
            status["health"] = ready ? "Healthy" : "Unknown";
            if (ready)
            {
                status.Remove("reason");
                status["firstReadyTimestamp"] = (cloudspace.CreatedAt + options.ReadyAfter).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }
            else
            {
                status["reason"] = "virtual machines are being provisioned";
            }
        }

        var bids = new JsonObject();
        foreach (var pool in pools)
        {
            bids[pool.Name] = new JsonObject
            {
                ["bidName"] = pool.Name,
                ["type"] = pool.SpecString("poolType") ?? "spot",
                ["wonCount"] = pool.Body["status"]?["wonCount"]?.GetValue<int>() ?? 0,
            };
        }

        status["bids"] = bids;
        if (status["assignedServers"] is not JsonObject servers)
        {
            status["assignedServers"] = servers = [];
        }

        // Machines of pools created through the API follow the pools' won counts; those of seeded pools (from the
        // admin endpoint) stay as they are while their pool exists.
        var managed = pools.Where(p => !p.Seeded).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var existing = pools.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, server) in servers.ToList())
        {
            var poolName = server?["nodePoolName"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null;
            if (poolName is null || !existing.Contains(poolName))
            {
                servers.Remove(key);
            }
            else if (managed.TryGetValue(poolName, out var owner)
                && (cloudspace.IsTerminating || !Enumerable.Range(0, Won(owner)).Any(i => ServerName(owner, i) == key)))
            {
                servers.Remove(key);
            }
        }

        if (cloudspace.IsTerminating || status["phase"]?.GetValue<string>() != "Ready")
        {
            return;
        }

        foreach (var pool in managed.Values)
        {
            var serverClass = catalog.FindClass(pool.SpecString("serverClass"));
            for (var i = 0; i < Won(pool); i++)
            {
                var name = ServerName(pool, i);
                if (servers.ContainsKey(name))
                {
                    continue;
                }

                servers[name] = new JsonObject
                {
                    ["serverName"] = name,
                    ["displayName"] = $"{cloudspace.Name}-{pool.Name[..8]}-{i + 1}",
                    ["nodePoolName"] = pool.Name,
                    ["ipAddress"] = Address(name),
                    ["IP"] = Address(name), // the older spelling, for older clients
                    ["cpu"] = serverClass?.Cpu.ToString(CultureInfo.InvariantCulture),
                    ["memory"] = serverClass is null ? null : serverClass.MemoryGb.ToString("0.##", CultureInfo.InvariantCulture) + "GB",
                    ["serverClassName"] = pool.SpecString("serverClass"),
                    ["serverType"] = "vm",
                    ["state"] = "Running",
                };
            }
        }
    }

    private static int Won(StoredResource pool) => pool.Body["status"]?["wonCount"]?.GetValue<int>() ?? 0;

    // A stable UUID per pool and machine number, so a reconcile never renames a machine.
    private static string ServerName(StoredResource pool, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{pool.Uid}/{index}"));
        hash[6] = (byte)((hash[6] & 0x0f) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    // An address in 10.0.0.0/8 derived from the machine's name.
    private static string Address(string serverName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(serverName));
        return string.Create(CultureInfo.InvariantCulture, $"10.{hash[0]}.{hash[1]}.{1 + (hash[2] % 254)}");
    }
}
