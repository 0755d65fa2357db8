using System.Net;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Tests.Controllers;

/// <summary>VM SSH keys, VM cloudspaces and VM pools as the facts describe them.</summary>
public class VmResourceTests
{
    private const string PublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2r6c4Jb2D0m9QkqvA5e9yVZzLQ1p4s8Xf0bT3aR7N dev@host";
    private const string Pool = "3b0c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";

    [Fact]
    public async Task A_key_gets_its_fingerprint_and_a_key_that_does_not_parse_is_kept_unvalidated()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (created, key) = await spot.SendAsync(HttpMethod.Post, spot.Path("vmsshkeys"), Key("good-key", PublicKey));
        var (_, placeholder) = await spot.SendAsync(HttpMethod.Post, spot.Path("vmsshkeys"), Key("placeholder-key", "ssh-rsa AAAAB3... user@host"));
        var (badName, _) = await spot.SendAsync(HttpMethod.Post, spot.Path("vmsshkeys"), Key("Bad_Name", PublicKey));
        var (wrongKind, _) = await spot.SendAsync(HttpMethod.Post, spot.Path("vmsshkeys"), new JsonObject { ["kind"] = "VmSshKey", ["metadata"] = new JsonObject { ["name"] = "k" }, ["spec"] = new JsonObject { ["publicKey"] = PublicKey } });

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("VMSSHKey", key["kind"]!.GetValue<string>());
        var (_, read) = await spot.GetAsync(spot.Path("vmsshkeys", "good-key"));
        Assert.Equal("SHA256:", read["status"]!["fingerprint"]!.GetValue<string>()[..7]);
        Assert.True(read["status"]!["validated"]!.GetValue<bool>());
        var (_, unparsed) = await spot.GetAsync(spot.Path("vmsshkeys", "placeholder-key"));
        Assert.False(unparsed["status"]!["validated"]!.GetValue<bool>());
        Assert.Equal((HttpStatusCode)422, badName);
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind);
    }

    [Fact]
    public async Task A_VM_cloudspace_needs_its_key_keeps_its_region_and_changes_its_webhook()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.SendAsync(HttpMethod.Post, spot.Path("vmsshkeys"), Key("cs-key", PublicKey));

        var (missingKey, refused) = await spot.SendAsync(HttpMethod.Post, spot.Path("vmcloudspaces"), Cloudspace("no-key-cs", "no-such-key"));
        var (created, _) = await spot.SendAsync(HttpMethod.Post, spot.Path("vmcloudspaces"), Cloudspace("web-cs", "cs-key"));
        var (regionChange, _) = await spot.PatchAsync(spot.Path("vmcloudspaces", "web-cs"), new JsonObject { ["spec"] = new JsonObject { ["region"] = "uk-lon-1" } });
        var (hooked, patched) = await spot.PatchAsync(spot.Path("vmcloudspaces", "web-cs"), new JsonObject { ["spec"] = new JsonObject { ["webhook"] = "https://example.com/h" } });

        Assert.Equal((HttpStatusCode)422, missingKey);
        Assert.Contains("no-such-key", refused.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal((HttpStatusCode)422, regionChange);
        Assert.Equal(HttpStatusCode.OK, hooked);
        Assert.Equal("https://example.com/h", patched["spec"]!["webhook"]!.GetValue<string>());
        Assert.Equal("Ready", patched["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("cs-key", patched["spec"]!["vmSshKeyRef"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_VM_pool_is_labelled_follows_the_market_and_its_machines_come_and_go_with_its_bid()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.SendAsync(HttpMethod.Post, spot.Path("vmsshkeys"), Key("pool-key", PublicKey));
        await spot.SendAsync(HttpMethod.Post, spot.Path("vmcloudspaces"), Cloudspace("pool-cs", "pool-key"));
        var market = spot.Host.GetMarketPrice("gp.vs1.medium-dfw")!.Value;

        foreach (var (bid, field) in new[] { ("$0.02", "spec.bidPrice"), ("0.0205", "spec.bidPrice"), ("0", "spec.bidPrice") })
        {
            var (status, body) = await spot.SendAsync(HttpMethod.Post, spot.Path("vmpools"), PoolBody("pool-cs", bid));
            Assert.Equal((HttpStatusCode)422, status);
            Assert.Contains(field, body.ToJsonString(), StringComparison.Ordinal);
        }

        var wrongType = PoolBody("pool-cs", "1.000");
        wrongType["spec"]!["poolType"] = "reserved";
        Assert.Equal((HttpStatusCode)422, (await spot.SendAsync(HttpMethod.Post, spot.Path("vmpools"), wrongType)).Status);
        Assert.Equal((HttpStatusCode)422, (await spot.SendAsync(HttpMethod.Post, spot.Path("vmpools"), PoolBody("no-such-cs", "1.000"))).Status);

        var bidAbove = (market + 0.1m).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        var (created, pool) = await spot.SendAsync(HttpMethod.Post, spot.Path("vmpools"), PoolBody("pool-cs", bidAbove));
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("pool-cs", pool["metadata"]!["labels"]!["ngpc.rxt.io/vmcloudspace"]!.GetValue<string>());
        Assert.Equal("Fulfilled", pool["status"]!["bidStatus"]!.GetValue<string>());
        Assert.Equal(2, (await Servers(spot, "pool-cs")).Count);
        Assert.All(await Servers(spot, "pool-cs"), kv => Assert.StartsWith("10.", kv.Value!["ipAddress"]!.GetValue<string>(), StringComparison.Ordinal));

        spot.Host.ScriptMarketPrices("gp.vs1.medium-dfw", market + 1m);
        var (_, lost) = await spot.GetAsync(spot.Path("vmpools", Pool));
        Assert.Equal("Lost", lost["status"]!["bidStatus"]!.GetValue<string>());
        Assert.Empty(await Servers(spot, "pool-cs"));

        var (classChange, _) = await spot.PatchAsync(spot.Path("vmpools", Pool), new JsonObject { ["spec"] = new JsonObject { ["serverClass"] = "gp.vs1.large-dfw" } });
        Assert.Equal((HttpStatusCode)422, classChange);
        var (_, raised) = await spot.PatchAsync(spot.Path("vmpools", Pool), new JsonObject { ["spec"] = new JsonObject { ["bidPrice"] = (market + 2m).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), ["desired"] = 1 } });
        Assert.Equal("Fulfilled", raised["status"]!["bidStatus"]!.GetValue<string>());
        Assert.Single(await Servers(spot, "pool-cs"));

        var (_, list) = await spot.GetAsync(spot.Path("vmpools") + "?labelSelector=ngpc.rxt.io/vmcloudspace=pool-cs");
        Assert.Single(list["items"]!.AsArray());
        await spot.DeleteAsync(spot.Path("vmcloudspaces", "pool-cs"));
        var (gone, _) = await spot.GetAsync(spot.Path("vmpools", Pool));
        Assert.Equal(HttpStatusCode.NotFound, gone);
    }

    private static async Task<JsonObject> Servers(EmulatorSession spot, string cloudspace)
    {
        var (_, body) = await spot.GetAsync(spot.Path("vmcloudspaces", cloudspace));
        return body["status"]!["assignedServers"]!.AsObject();
    }

    private static JsonObject Key(string name, string publicKey) => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "VMSSHKey",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["publicKey"] = publicKey },
    };

    private static JsonObject Cloudspace(string name, string key) => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "VMCloudSpace",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["region"] = "us-central-dfw-1", ["vmSshKeyRef"] = new JsonObject { ["name"] = key } },
    };

    private static JsonObject PoolBody(string cloudspace, string bid) => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "VMPool",
        ["metadata"] = new JsonObject { ["name"] = Pool },
        ["spec"] = new JsonObject { ["vmCloudSpace"] = cloudspace, ["serverClass"] = "gp.vs1.medium-dfw", ["bidPrice"] = bid, ["desired"] = 2, ["poolType"] = "spot", ["vmImage"] = "ubuntu24.04" },
    };
}
