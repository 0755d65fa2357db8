using System.Text;
using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands;

/// <summary>
/// The VM commands against the emulator: spotctl's VM guide run as written (its "full test flow"), and this tool's
/// own spellings; what they leave is read back with the SDK.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VmCommandsTests : IClassFixture<CliFixture>
{
    private readonly CliFixture _cli;

    public VmCommandsTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task Spotctl_VM_guide_full_test_flow_runs_as_written()
    {
        // Step 1: Create an SSH key
        var created = await Ok("vmsshkeys", "create", "--name", "test-ssh-key", "--public-key", "ssh-rsa AAAAB3... user@host");
        Assert.Equal("\n✓ Successfully created VM SSH key test-ssh-key\n", created.Stdout);

        // Step 2: Verify SSH key
        var key = (await Ok("vmsshkeys", "get", "--name", "test-ssh-key")).Json;
        Assert.Equal("test-ssh-key", key["name"]!.GetValue<string>());
        Assert.Equal("ssh-rsa AAAAB3... user@host", key["publicKey"]!.GetValue<string>());
        Assert.Equal(_cli.Emulator.OrganizationName, key["org"]!.GetValue<string>());

        // Step 3: Create a VM cloudspace with a pool
        var cs = await Ok(
            "vmcloudspaces", "create",
            "--name", "test-vm-cs",
            "--region", "us-central-ord-1",
            "--vm-ssh-key-name", "test-ssh-key",
            "--vm-pool", "serverclass=gp.vs1.medium-ord,bidprice=0.02,desired=1,pooltype=spot,vmimage=ubuntu24.04");
        Assert.StartsWith("\n✓ Successfully created VM cloudspace test-vm-cs in region us-central-ord-1\n", cs.Stdout, StringComparison.Ordinal);
        var createdJson = JsonAfterMessage(cs.Stdout);
        Assert.Equal("test-vm-cs", createdJson["name"]!.GetValue<string>());
        var inline = Assert.Single(createdJson["vmPools"]!.AsArray())!;
        Assert.Equal("0.020", inline["bidPrice"]!.GetValue<string>());
        Assert.Equal(1, inline["desired"]!.GetValue<int>());

        // Step 4: Verify cloudspace
        var got = (await Ok("vmcloudspaces", "get", "--name", "test-vm-cs")).Json;
        Assert.Equal("us-central-ord-1", got["region"]!.GetValue<string>());
        Assert.Equal("test-ssh-key", got["vmSshKeyRef"]!["name"]!.GetValue<string>());
        Assert.Single(got["vmPools"]!.AsArray());

        // Step 5: List all cloudspaces
        var listed = (await Ok("vmcloudspaces", "list")).Json;
        Assert.Contains(listed["vmCloudSpaces"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "test-vm-cs");

        // Step 6: Update cloudspace webhook
        var updated = await Ok("vmcloudspaces", "update", "--name", "test-vm-cs", "--webhook", "https://example.com/hook");
        Assert.Equal("✓ VM cloudspace 'test-vm-cs' updated successfully\n", updated.Stdout);

        // Step 7: Create another VM pool
        var pool = await Ok(
            "vmpools", "create",
            "--vmcloudspace", "test-vm-cs",
            "--serverclass", "gp.vs1.medium-ord",
            "--bidprice", "0.05",
            "--desired", "2",
            "--pooltype", "spot",
            "--vmimage", "ubuntu24.04",
            "--vm-userdata", "#!/bin/bash\\napt-get update && apt-get install -y nginx");
        Assert.StartsWith("✓ Successfully created VM pool in VM cloudspace test-vm-cs\n VMPool Name: ", pool.Stdout, StringComparison.Ordinal);
        Assert.Contains("  VM UserData: provided (base64-encoded)\n", pool.Stdout, StringComparison.Ordinal);
        var poolName = pool.Stdout.Split('\n').Single(l => l.StartsWith(" VMPool Name: ", StringComparison.Ordinal))[" VMPool Name: ".Length..];
        Assert.True(Guid.TryParse(poolName, out _), poolName);

        // Step 8: List VM pools
        var pools = (await Ok("vmpools", "list", "--vmcloudspace", "test-vm-cs")).Json.AsArray();
        Assert.Equal(2, pools.Count);

        // Step 9: Update a VM pool
        var scaled = await Ok("vmpools", "update", "--name", poolName, "--desired", "3");
        Assert.Equal($"✓ VM pool '{poolName}' updated successfully\n", scaled.Stdout);
        var stored = await ApiAsync("vmpools/" + poolName);
        Assert.Equal(3, stored["spec"]!["desired"]!.GetValue<int>());
        Assert.Equal("0.050", stored["spec"]!["bidPrice"]!.GetValue<string>());
        Assert.Equal("#!/bin/bash\\napt-get update && apt-get install -y nginx", Encoding.UTF8.GetString(Convert.FromBase64String(stored["spec"]!["vmUserData"]!.GetValue<string>())));
        Assert.Equal("test-vm-cs", stored["metadata"]!["labels"]!["ngpc.rxt.io/vmcloudspace"]!.GetValue<string>());

        // Step 10: Clean up
        Assert.Equal($"VM pool '{poolName}' deleted successfully\n", (await Ok("vmpools", "delete", "--name", poolName, "-y")).Stdout);
        Assert.Equal("VM cloudspace 'test-vm-cs' deleted successfully\n", (await Ok("vmcloudspaces", "delete", "--name", "test-vm-cs", "-y")).Stdout);
        Assert.Equal("VM SSH key 'test-ssh-key' deleted successfully\n", (await Ok("vmsshkeys", "delete", "--name", "test-ssh-key", "-y")).Stdout);

        using var sdk = _cli.SdkClient();
        Assert.DoesNotContain(await sdk.VmCloudspaces.ListAsync(), c => c.Metadata?.Name == "test-vm-cs");
        Assert.DoesNotContain(await sdk.VmPools.ListAsync("test-vm-cs"), p => true);
        Assert.DoesNotContain(await sdk.VmSshKeys.ListAsync(), k => k.Metadata?.Name == "test-ssh-key");
    }

    [Fact]
    public async Task Own_spelling_creates_a_VM_cloudspace_with_user_data_waits_for_its_machines_and_prints_native_json()
    {
        await Ok("vm-ssh-keys", "create", "own-key", "--public-key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2r6c4Jb2D0m9QkqvA5e9yVZzLQ1p4s8Xf0bT3aR7N me@host");
        var key = (await Ok("vm-ssh-keys", "get", "own-key")).Json;
        Assert.StartsWith("SHA256:", key["status"]!["fingerprint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(key["status"]!["validated"]!.GetValue<bool>());

        var created = (await Ok(
            "vm-cloudspaces", "create", "own-vm-cs", "--region", "us-central-dfw-1", "--ssh-key", "own-key",
            "--vm-pool", "serverclass=gp.vs1.medium-dfw,bidprice=0.9,desired=2", "--vm-userdata", "#cloud-config\npackages: [htop]\n", "--wait", "--timeout", "60")).Json;
        Assert.Equal("Ready", created["vmCloudspace"]!["status"]!["phase"]!.GetValue<string>());
        var servers = created["vmCloudspace"]!["status"]!["assignedServers"]!.AsObject();
        Assert.Equal(2, servers.Count);
        Assert.All(servers, kv => Assert.False(string.IsNullOrEmpty(kv.Value!["ipAddress"]!.GetValue<string>())));
        var pool = Assert.Single(created["vmPools"]!.AsArray())!;
        Assert.Equal("#cloud-config\npackages: [htop]\n", Encoding.UTF8.GetString(Convert.FromBase64String(pool["spec"]!["vmUserData"]!.GetValue<string>())));

        var table = await _cli.RunAsync("vm-pools", "list", "--vm-cloudspace", "own-vm-cs", "-o", "table");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Fulfilled", table.Stdout, StringComparison.Ordinal);

        await Ok("vm-cloudspaces", "delete", "own-vm-cs", "--yes");
        await Ok("vm-ssh-keys", "delete", "own-key", "--yes");
    }

    [Fact]
    public async Task A_VM_pool_bid_above_the_class_on_demand_price_is_refused_and_nothing_is_created()
    {
        await Ok("vmsshkeys", "create", "--name", "ceiling-key", "--public-key", "ssh-rsa AAAAB3 ceiling@host");
        await Ok("vmcloudspaces", "create", "--name", "ceiling-cs", "--region", "us-central-dfw-1", "--vm-ssh-key-name", "ceiling-key");

        var refused = await CliRunner.RunAsync(_cli.EnvironmentWithDefaultCeiling, null, "vmpools", "create", "--vmcloudspace", "ceiling-cs", "--serverclass", "gp.vs1.medium-dfw", "--bidprice", "50");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("on-demand", refused.Stderr, StringComparison.Ordinal);
        using var sdk = _cli.SdkClient();
        Assert.Empty(await sdk.VmPools.ListAsync("ceiling-cs"));

        var both = await _cli.RunAsync("vmpools", "create", "--vmcloudspace", "ceiling-cs", "--serverclass", "gp.vs1.medium-dfw", "--bidprice", "0.02", "--vm-userdata", "x", "--vm-userdata-from-script", "/dev/null");
        Assert.Equal(2, both.ExitCode);
        Assert.Empty(await sdk.VmPools.ListAsync("ceiling-cs"));
        await Ok("vmcloudspaces", "delete", "--name", "ceiling-cs", "-y");
    }

    private static JsonNode JsonAfterMessage(string stdout) => JsonNode.Parse(stdout[stdout.IndexOf('{', StringComparison.Ordinal)..])!;

    private async Task<CliResult> Ok(params string[] args)
    {
        // As a user runs them: the spelling picks the output shape (the suite's default is this tool's own shapes).
        var result = await CliRunner.RunAsync(new Dictionary<string, string>(_cli.Environment) { ["RSSPOT_OUTPUT_SHAPE"] = "auto" }, null, args);
        Assert.True(result.ExitCode == 0, $"rsspot {string.Join(' ', args)}\n{result}");
        return result;
    }

    private async Task<JsonNode> ApiAsync(string resource)
    {
        using var sdk = _cli.SdkClient();
        return (await sdk.Raw.SendAsync("GET", "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/" + resource))!;
    }
}
