using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Catalog;

namespace Rsspot.Emulator.State;

/// <summary>
/// The seeded VM cloudspace (with its key and two pools) and the admin endpoint's servers. The seeded objects' servers
/// appear and vanish only through the admin endpoint (or <see cref="EmulatorHost"/>); VM pools created through the API
/// get theirs from <see cref="VmStatus"/>, as far as their bid wins.
/// </summary>
internal sealed class VmInventory(EmulatorState state, EmulatorOptions options)
{
    public const string SeedCloudSpace = "vm-sandbox";
    public const string SeedPoolA = "0c6f3f44-6d0e-4b0f-9a51-3a0c8d7f2a11";
    public const string SeedPoolB = "7d2e9b1a-58c4-4e7a-b3f0-92d4c1e6a5b7";
    private const string SeedRegion = "us-central-dfw-1";

    /// <summary>The VM SSH key the seeded VM cloudspaces refer to.</summary>
    public const string SeedSshKey = "sandbox-key";

    private const string SeedPublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2r6c4Jb2D0m9QkqvA5e9yVZzLQ1p4s8Xf0bT3aR7N sandbox@emulator";

    /// <summary>VMs per VM cloudspace when <see cref="EmulatorOptions.VmCount"/> asks for many.</summary>
    private const int ServersPerCloudSpace = 250;

    /// <summary>
    /// Seeds one VM cloudspace with two pools and three servers in the given namespace; with
    /// <see cref="EmulatorOptions.VmCount"/>, that many servers spread over as many VM cloudspaces (of two pools
    /// each) as it takes to hold at most 250 each.
    /// </summary>
    public void Seed(string ns)
    {
        lock (state.Gate)
        {
            AddSshKey(ns);
            if (options.VmCount is not int count)
            {
                AddCloudSpace(ns, SeedCloudSpace, (SeedPoolA, 2), (SeedPoolB, 1));
                AddServer(ns, SeedCloudSpace, new VmServerRequest(SeedPoolA, "3f9a1c52-7e24-4d6b-8a0f-1b2c3d4e5f60", null, null, null, null));
                AddServer(ns, SeedCloudSpace, new VmServerRequest(SeedPoolA, "8b7c6d5e-4f3a-4b2c-9d1e-0f9e8d7c6b5a", null, null, null, null));
                AddServer(ns, SeedCloudSpace, new VmServerRequest(SeedPoolB, "c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5", null, null, null, null));
                return;
            }

            int cloudSpaces = Math.Max(1, (count + ServersPerCloudSpace - 1) / ServersPerCloudSpace);
            for (int c = 0; c < cloudSpaces; c++)
            {
                string name = c == 0 ? SeedCloudSpace : string.Create(CultureInfo.InvariantCulture, $"{SeedCloudSpace}-{c + 1}");
                string[] pools = c == 0 ? [SeedPoolA, SeedPoolB] : [SeededName(c, 0xa), SeededName(c, 0xb)];
                int servers = count / cloudSpaces + (c < count % cloudSpaces ? 1 : 0);
                AddCloudSpace(ns, name, (pools[0], (servers + 1) / 2), (pools[1], servers / 2));
                for (int i = 0; i < servers; i++)
                {
                    AddServer(ns, name, new VmServerRequest(pools[i % 2], SeededName(c, 0x1000 + i), null, null, null, null));
                }
            }
        }
    }

    /// <summary>A stable UUID-shaped name for seeded pools and servers.</summary>
    private static string SeededName(int cloudSpace, int item) =>
        string.Create(CultureInfo.InvariantCulture, $"5eed{cloudSpace:x4}-0000-4000-8000-{item:x12}");

    private void AddCloudSpace(string ns, string name, params (string Pool, int Desired)[] pools)
    {
        var now = options.TimeProvider.GetUtcNow();
        var spec = new JsonObject
        {
            ["region"] = SeedRegion,
            ["cloud"] = "default",
            ["vmSshKeyRef"] = new JsonObject { ["name"] = SeedSshKey, ["namespace"] = ns },
        };
        var cloudspace = NewObject(ResourceKind.VmCloudSpace, ns, name, now, new JsonObject(), spec);
        cloudspace["status"] = new JsonObject { ["phase"] = "Ready", ["health"] = "Healthy", ["assignedServers"] = new JsonObject() };
        state.Add(new StoredResource(ResourceKind.VmCloudSpace, ns, name, now, cloudspace) { Seeded = true });
        for (int i = 0; i < pools.Length; i++)
        {
            AddPool(ns, name, pools[i].Pool, i == 0 ? "gp.vs1.medium-dfw" : "mh.vs1.large-dfw", pools[i].Desired, now);
        }

        state.Events.Record(ns, now, $"VmCloudSpace {name} created");
    }

    private void AddSshKey(string ns)
    {
        var now = options.TimeProvider.GetUtcNow();
        var key = NewObject(ResourceKind.VmSshKey, ns, SeedSshKey, now, new JsonObject(), new JsonObject { ["publicKey"] = SeedPublicKey, ["description"] = "Key of the seeded VM cloudspaces" });
        key["status"] = new JsonObject { ["fingerprint"] = VmRules.Fingerprint(SeedPublicKey), ["validated"] = true };
        state.Add(new StoredResource(ResourceKind.VmSshKey, ns, SeedSshKey, now, key) { Seeded = true });
    }

    /// <summary>Adds a server to a VM cloudspace; returns its key, or an error message.</summary>
    public (string? Key, string? Error) AddServer(string ns, string vmCloudSpace, VmServerRequest request)
    {
        lock (state.Gate)
        {
            if (state.Find(ResourceKind.VmCloudSpace, ns, vmCloudSpace) is not { } cloudspace)
            {
                return (null, $"vmcloudspace \"{vmCloudSpace}\" not found in namespace \"{ns}\"");
            }

            var pool = state.Find(ResourceKind.VmPool, ns, request.NodePoolName);
            if (pool is null || pool.SpecString("vmCloudSpace") != vmCloudSpace)
            {
                return (null, $"vmpool \"{request.NodePoolName}\" is not a pool of vmcloudspace \"{vmCloudSpace}\"");
            }

            var servers = AssignedServers(cloudspace);
            var serverName = request.ServerName ?? Guid.NewGuid().ToString();
            if (servers.ContainsKey(serverName))
            {
                return (null, $"server \"{serverName}\" is already assigned");
            }

            var ordinal = servers.Count + 1;
            servers[serverName] = new JsonObject
            {
                ["serverName"] = serverName,
                ["displayName"] = request.DisplayName ?? $"{vmCloudSpace}-{request.NodePoolName[..8]}-{ordinal}",
                ["nodePoolName"] = request.NodePoolName,
                // Both spellings: newer clients read ipAddress, older ones (and API-NOTES) IP.
                ["ipAddress"] = request.IP ?? string.Create(CultureInfo.InvariantCulture, $"192.0.2.{10 + (ordinal % 240)}"),
                ["IP"] = request.IP ?? string.Create(CultureInfo.InvariantCulture, $"192.0.2.{10 + (ordinal % 240)}"),
                ["serverClassName"] = request.ServerClassName ?? pool.SpecString("serverClass"),
                ["state"] = request.State ?? "Running",
            };
            Touch(cloudspace);
            state.Events.Record(ns, options.TimeProvider.GetUtcNow(), $"server {serverName} assigned to vmcloudspace {vmCloudSpace}");
            state.Commit();
            return (serverName, null);
        }
    }

    public bool RemoveServer(string ns, string vmCloudSpace, string key)
    {
        lock (state.Gate)
        {
            if (state.Find(ResourceKind.VmCloudSpace, ns, vmCloudSpace) is not { } cloudspace || !AssignedServers(cloudspace).Remove(key))
            {
                return false;
            }

            Touch(cloudspace);
            state.Events.Record(ns, options.TimeProvider.GetUtcNow(), $"server {key} removed from vmcloudspace {vmCloudSpace}");
            state.Commit();
            return true;
        }
    }

    private void AddPool(string ns, string vmCloudSpace, string name, string serverClass, int desired, DateTimeOffset now)
    {
        var labels = new JsonObject { [ResourceKind.VmCloudSpaceLabel] = vmCloudSpace };
        var spec = new JsonObject { ["vmCloudSpace"] = vmCloudSpace, ["serverClass"] = serverClass, ["desired"] = desired, ["bidPrice"] = "0.250", ["poolType"] = "spot", ["vmImage"] = "ubuntu24.04" };
        var pool = NewObject(ResourceKind.VmPool, ns, name, now, labels, spec);
        pool["status"] = new JsonObject { ["bidStatus"] = "Fulfilled", ["wonCount"] = desired };
        state.Add(new StoredResource(ResourceKind.VmPool, ns, name, now, pool) { Seeded = true });
    }

    private JsonObject NewObject(ResourceKind kind, string ns, string name, DateTimeOffset now, JsonObject labels, JsonObject spec) => new()
    {
        ["apiVersion"] = ResourceKind.ApiVersion,
        ["kind"] = kind.Kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = ns,
            ["uid"] = Guid.NewGuid().ToString(),
            ["creationTimestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["resourceVersion"] = state.NextResourceVersion(),
            ["labels"] = labels,
        },
        ["spec"] = spec,
    };

    private static JsonObject AssignedServers(StoredResource cloudspace)
    {
        if (cloudspace.Body["status"] is not JsonObject status)
        {
            cloudspace.Body["status"] = status = [];
        }

        if (status["assignedServers"] is not JsonObject servers)
        {
            status["assignedServers"] = servers = [];
        }

        return servers;
    }

    private void Touch(StoredResource resource) => resource.Body["metadata"]!["resourceVersion"] = state.NextResourceVersion();
}
