using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>The VM tools over stdio against the emulator: reads, and VM pool writes under the bid ceiling.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class McpVmToolsTests : IClassFixture<CliFixture>
{
    private readonly CliFixture _cli;

    public McpVmToolsTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task VM_pools_are_created_scaled_and_deleted_and_a_bid_above_the_ceiling_is_refused()
    {
        using (var sdk = _cli.SdkClient())
        {
            await sdk.VmSshKeys.CreateAsync(new VmSshKeyRequest("mcp-key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2r6c4Jb2D0m9QkqvA5e9yVZzLQ1p4s8Xf0bT3aR7N mcp@host"));
            await sdk.VmCloudspaces.CreateAsync(new VmCloudspaceCreateRequest("mcp-vm-cs", "us-central-dfw-1", "mcp-key"));
        }

        await using var mcp = await McpSession.StartAsync(_cli.EnvironmentWithDefaultCeiling, "--allow-writes");
        var keys = await mcp.CallJsonAsync("list_vm_ssh_keys");
        Assert.Contains(keys["items"]!.AsArray(), k => k!["name"]!.GetValue<string>() == "mcp-key" && k["fingerprint"]!.GetValue<string>().StartsWith("SHA256:", StringComparison.Ordinal));

        var refused = await mcp.CallAsync("create_vm_pool", new JsonObject { ["vm_cloudspace"] = "mcp-vm-cs", ["server_class"] = "gp.vs1.medium-dfw", ["bid"] = 99 });
        Assert.True(McpSession.IsError(refused));
        Assert.Contains("on-demand", McpSession.Text(refused), StringComparison.Ordinal);
        Assert.Equal(0, (await mcp.CallJsonAsync("list_vm_pools", new JsonObject { ["vm_cloudspace"] = "mcp-vm-cs" }))["total"]!.GetValue<int>());

        var pool = await mcp.CallJsonAsync("create_vm_pool", new JsonObject { ["vm_cloudspace"] = "mcp-vm-cs", ["server_class"] = "gp.vs1.medium-dfw", ["bid"] = 0.001, ["desired"] = 2 });
        var name = pool["name"]!.GetValue<string>();
        Assert.Equal(0.001m, pool["bid"]!.GetValue<decimal>());
        Assert.Equal("spot", pool["pool_type"]!.GetValue<string>());

        var scaled = await mcp.CallJsonAsync("scale_vm_pool", new JsonObject { ["name"] = name, ["desired"] = 3 });
        Assert.Equal(3, scaled["desired"]!.GetValue<int>());
        var tooMuch = await mcp.CallAsync("scale_vm_pool", new JsonObject { ["name"] = name, ["bid"] = 99 });
        Assert.True(McpSession.IsError(tooMuch));
        Assert.Equal(0.001m, (await mcp.CallJsonAsync("get_vm_pool", new JsonObject { ["name"] = name }))["bid"]!.GetValue<decimal>());

        var cloudspace = await mcp.CallJsonAsync("get_vm_cloudspace", new JsonObject { ["name"] = "mcp-vm-cs" });
        Assert.Equal("mcp-key", cloudspace["ssh_key"]!.GetValue<string>());

        var unconfirmed = await mcp.CallAsync("delete_vm_pool", new JsonObject { ["name"] = name });
        Assert.True(McpSession.IsError(unconfirmed));
        await mcp.CallJsonAsync("delete_vm_pool", new JsonObject { ["name"] = name, ["confirm"] = name });
        Assert.Equal(0, (await mcp.CallJsonAsync("list_vm_pools", new JsonObject { ["vm_cloudspace"] = "mcp-vm-cs" }))["total"]!.GetValue<int>());
    }
}
