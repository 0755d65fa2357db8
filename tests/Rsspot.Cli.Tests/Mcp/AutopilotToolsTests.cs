using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>The MCP autopilot tools against the emulator: create, allocations within budget, a market move, scale, delete.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AutopilotToolsTests(CliFixture cli) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task An_agent_creates_an_8_vcpu_pool_sees_it_follow_the_market_scales_it_and_deletes_it()
    {
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "mcp-ap", "--region", "us-central-dfw-1", "-o", "table")).ExitCode);
        await using var mcp = await McpSession.StartAsync(cli, "--allow-writes");

        var refused = await mcp.CallAsync("create_autopilot_pool", new JsonObject { ["cloudspace"] = "mcp-ap", ["vcpu_total"] = 8, ["budget_per_hour"] = 50 });
        Assert.True(McpSession.IsError(refused));
        Assert.Contains("ceiling", McpSession.Text(refused), StringComparison.Ordinal);
        Assert.Empty((await mcp.CallJsonAsync("list_autopilot_pools", new JsonObject { ["cloudspace"] = "mcp-ap" }))["items"]!.AsArray());

        var created = await mcp.CallJsonAsync("create_autopilot_pool", new JsonObject { ["cloudspace"] = "mcp-ap", ["vcpu_total"] = 8, ["budget_per_hour"] = 0.1 });
        var name = created["name"]!.GetValue<string>();
        Assert.Equal(0.1m, created["budget_per_hour"]!.GetValue<decimal>());

        var pool = await mcp.CallJsonAsync("get_autopilot_pool", new JsonObject { ["name"] = name });
        Assert.Equal(8, pool["managed_vcpus"]!.GetValue<int>());
        Assert.True(pool["cost_per_hour"]!.GetValue<decimal>() <= 0.1m);
        var first = pool["allocations"]!.AsArray()[0]!;
        var movedClass = first["server_class"]!.GetValue<string>();

        cli.Emulator.ScriptMarketPrices(movedClass, first["bid"]!.GetValue<decimal>() * 3);
        await Task.Delay(TimeSpan.FromSeconds(6)); // past the response cache's lifetime
        var after = await mcp.CallJsonAsync("get_autopilot_pool", new JsonObject { ["name"] = name });
        Assert.DoesNotContain(after["allocations"]!.AsArray(), a => a!["server_class"]!.GetValue<string>() == movedClass);
        Assert.Equal(8, after["managed_vcpus"]!.GetValue<int>());

        var scaled = await mcp.CallJsonAsync("scale_autopilot_pool", new JsonObject { ["name"] = name, ["vcpu_total"] = 4, ["budget_per_hour"] = 0.05 });
        Assert.Equal(4, scaled["vcpu_total"]!.GetValue<int>());

        var unconfirmed = await mcp.CallAsync("delete_autopilot_pool", new JsonObject { ["name"] = name, ["confirm"] = "no" });
        Assert.True(McpSession.IsError(unconfirmed));
        var deleted = await mcp.CallJsonAsync("delete_autopilot_pool", new JsonObject { ["name"] = name, ["confirm"] = name });
        Assert.Equal(name, deleted["name"]!.GetValue<string>());
        Assert.Empty((await cli.JsonAsync("nodepools", "spot", "list", "--cloudspace", "mcp-ap", "--no-cache")).Node.AsArray());
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "delete", "mcp-ap", "--yes", "-o", "json")).ExitCode);
    }

    [Fact]
    public async Task Without_allow_writes_only_the_read_tools_exist()
    {
        await using var mcp = await McpSession.StartAsync(cli);
        var names = (await mcp.ListToolsAsync()).Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("list_autopilot_pools", names);
        Assert.DoesNotContain("create_autopilot_pool", names);
        Assert.DoesNotContain("delete_autopilot_pool", names);
    }
}
