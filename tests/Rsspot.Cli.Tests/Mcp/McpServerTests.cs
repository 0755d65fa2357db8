using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// <c>rsspot mcp</c> as an agent uses it, JSON-RPC against the emulator: served in this process, and for the tool list
/// and a write lifecycle also the real binary over its stdin and stdout (end to end).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class McpServerTests : IClassFixture<CliFixture>
{
    private static readonly string[] ReadTools =
    [
        "list_organizations", "list_regions", "list_server_classes", "list_prices", "get_price", "get_price_history", "get_comparables",
        "recommend_cluster", "list_cloudspaces", "get_cloudspace", "wait_for_cloudspace", "list_spot_pools", "get_spot_pool",
        "list_on_demand_pools", "get_on_demand_pool", "list_vm_cloudspaces", "list_events", "bid_guard_status", "plan_cloudspaces",
        "list_vm_ssh_keys", "get_vm_cloudspace", "list_vm_pools", "get_vm_pool",
        "list_autopilot_pools", "get_autopilot_pool",
    ];

    private static readonly string[] WriteTools =
    [
        "create_cloudspace", "update_cloudspace", "delete_cloudspace", "create_spot_pool", "update_spot_pool", "apply_bid",
        "delete_spot_pool", "create_on_demand_pool", "update_on_demand_pool", "delete_on_demand_pool", "apply_bid_guard", "apply_cloudspaces",
        "create_vm_pool", "scale_vm_pool", "delete_vm_pool",
        "create_autopilot_pool", "scale_autopilot_pool", "delete_autopilot_pool",
    ];

    private readonly CliFixture _cli;

    public McpServerTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Initialize_then_the_read_only_tool_list_with_typed_schemas()
    {
        await using var mcp = await McpSession.StartProcessAsync(_cli);
        Assert.Equal("rsspot", mcp.Initialize["serverInfo"]!["name"]!.GetValue<string>());
        Assert.NotNull(mcp.Initialize["capabilities"]!["tools"]);

        var tools = await mcp.ListToolsAsync();
        Assert.Equal(ReadTools.Order(StringComparer.Ordinal), tools.Select(t => t!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var tool in tools)
        {
            Assert.True(tool!["description"]!.GetValue<string>().Length > 40, $"{tool["name"]} needs a description that says when to use it");
            var schema = tool["inputSchema"]!;
            Assert.Equal("object", schema["type"]!.GetValue<string>());
            Assert.False(schema["additionalProperties"]!.GetValue<bool>());
            Assert.Null(schema["properties"]!["profile"]); // pinned to its profile: no other may be asked for
            Assert.Equal("object", tool["outputSchema"]!["type"]!.GetValue<string>());
            Assert.True(tool["annotations"]!["readOnlyHint"]!.GetValue<bool>());
            Assert.False(tool["annotations"]!["destructiveHint"]!.GetValue<bool>());
        }

        var history = tools.Single(t => t!["name"]!.GetValue<string>() == "get_price_history")!["inputSchema"]!;
        Assert.Equal(["server_class"], history["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("integer", history["properties"]!["points"]!["type"]!.GetValue<string>());
        AssertNoSecret(mcp);
    }

    [Fact]
    public async Task Read_tools_answer_with_the_sdk_summaries_and_pages()
    {
        await using var mcp = await McpSession.StartAsync(_cli);
        var regions = (await _cli.JsonAsync("regions", "list")).Node.AsArray();
        var listed = await mcp.CallJsonAsync("list_regions");
        Assert.Equal(regions.Count, listed["total"]!.GetValue<int>());
        Assert.Contains(listed["items"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "us-central-dfw-1");

        var orgs = await mcp.CallJsonAsync("list_organizations");
        Assert.Contains(orgs["items"]!.AsArray(), o => o!["name"]!.GetValue<string>() == _cli.Emulator.OrganizationName);

        var page = await mcp.CallJsonAsync("list_server_classes", new JsonObject { ["limit"] = 2 });
        Assert.Equal(2, page["returned"]!.GetValue<int>());
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.True(page["total"]!.GetValue<int>() > 2);
        Assert.Equal(2, page["next_offset"]!.GetValue<int>());
        Assert.Contains("more server classes not shown", page["note"]!.GetValue<string>(), StringComparison.Ordinal);
        var next = await mcp.CallJsonAsync("list_server_classes", new JsonObject { ["limit"] = 2, ["offset"] = 2 });
        Assert.DoesNotContain(next["items"]!.AsArray(), c => page["items"]!.AsArray().Any(p => p!["name"]!.GetValue<string>() == c!["name"]!.GetValue<string>()));

        var price = (await mcp.CallJsonAsync("get_price", new JsonObject { ["server_class"] = "gp.vs1.medium-dfw" }))["items"]!.AsArray();
        Assert.All(price, r => Assert.Equal("gp.vs1.medium-dfw", r!["server_class"]!.GetValue<string>()));
        Assert.NotNull(Assert.Single(price)!["market_per_hour"]);

        var history = await mcp.CallJsonAsync("get_price_history", new JsonObject { ["server_class"] = "gp.vs1.medium-dfw", ["points"] = 5 });
        var count = history["summary"]!["count"]!.GetValue<int>();
        Assert.Equal(Math.Min(5, count), history["points"]!.AsArray().Count);
        if (count > 5)
        {
            Assert.Contains($"last 5 of {count}", history["note"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var build = await mcp.CallJsonAsync("recommend_cluster", new JsonObject { ["nodes"] = 3, ["risk"] = "low" });
        Assert.Equal(3, build["scenarios"]!.AsArray().Count);

        var prices = await mcp.CallJsonAsync("list_prices", new JsonObject { ["families"] = new JsonArray("gp"), ["limit"] = 3 });
        Assert.All(prices["items"]!.AsArray(), r => Assert.Equal("gp", r!["family"]!.GetValue<string>()));

        Assert.Equal(0, (await mcp.CallJsonAsync("list_cloudspaces", new JsonObject { ["label_selector"] = "mcp-test=none" }))["total"]!.GetValue<int>());
        Assert.NotNull((await mcp.CallJsonAsync("list_events", new JsonObject { ["limit"] = 5 }))["items"]);
        Assert.NotNull((await mcp.CallJsonAsync("list_vm_cloudspaces"))["items"]);
        AssertNoSecret(mcp);
    }

    [Fact]
    public async Task Failures_are_tool_errors_with_the_sdk_message()
    {
        await using var mcp = await McpSession.StartAsync(_cli);
        var missing = await mcp.CallAsync("get_cloudspace", new JsonObject { ["name"] = "no-such-cloudspace" });
        Assert.True(McpSession.IsError(missing));
        Assert.Contains("no-such-cloudspace", McpSession.Text(missing), StringComparison.Ordinal);

        var badInput = await mcp.CallAsync("list_server_classes", new JsonObject { ["limit"] = "many" });
        Assert.True(McpSession.IsError(badInput));
        Assert.Equal("Invalid arguments: 'limit' is \"many\"; it must be a whole number.", McpSession.Text(badInput));

        var noProfile = await mcp.CallAsync("list_regions", new JsonObject { ["profile"] = "default" });
        Assert.True(McpSession.IsError(noProfile));
        Assert.Contains("'profile' is not accepted: this server is pinned to profile 'default'", McpSession.Text(noProfile), StringComparison.Ordinal);
        AssertNoSecret(mcp);
    }

    [Fact]
    public async Task Writes_are_refused_without_allow_writes()
    {
        await using var mcp = await McpSession.StartAsync(_cli);
        var refused = await mcp.CallAsync("create_cloudspace", new JsonObject { ["name"] = "mcp-refused", ["region"] = "us-central-dfw-1" });
        Assert.True(McpSession.IsError(refused));
        Assert.Contains("this server is read-only", McpSession.Text(refused), StringComparison.Ordinal);

        var missing = await mcp.CallAsync("get_cloudspace", new JsonObject { ["name"] = "mcp-refused" });
        Assert.True(McpSession.IsError(missing), "the refused create must not have reached the API");
        AssertNoSecret(mcp);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task With_allow_writes_create_bid_and_delete_only_with_confirm()
    {
        await using var mcp = await McpSession.StartProcessAsync(_cli, "--allow-writes");
        var names = (await mcp.ListToolsAsync()).Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.All(WriteTools, w => Assert.Contains(w, names));

        var created = await mcp.CallJsonAsync("create_cloudspace", new JsonObject { ["name"] = "mcp-demo", ["region"] = "us-central-dfw-1" });
        Assert.Equal("mcp-demo", created["name"]!.GetValue<string>());
        var ready = await mcp.CallJsonAsync("wait_for_cloudspace", new JsonObject { ["name"] = "mcp-demo", ["timeout_seconds"] = 60 });
        Assert.True(ready["is_ready"]!.GetValue<bool>());

        var pool = await mcp.CallJsonAsync("create_spot_pool", new JsonObject { ["cloudspace"] = "mcp-demo", ["server_class"] = "gp.vs1.medium-dfw", ["bid"] = 0.08, ["desired"] = 2 });
        var poolName = pool["name"]!.GetValue<string>();
        Assert.Equal(0.08m, pool["bid"]!.GetValue<decimal>());
        var text = await mcp.CallAsync("apply_bid", new JsonObject { ["name"] = poolName, ["bid"] = "$0.095" });
        Assert.Equal("Invalid arguments: 'bid' is \"$0.095\"; it must be a number (not text).", McpSession.Text(text));
        var bid = await mcp.CallJsonAsync("apply_bid", new JsonObject { ["name"] = poolName, ["bid"] = 0.095 });
        Assert.Equal(0.095m, bid["bid"]!.GetValue<decimal>());

        var cloudspace = await mcp.CallJsonAsync("get_cloudspace", new JsonObject { ["name"] = "mcp-demo" });
        var listedPool = Assert.Single(cloudspace["spot_pools"]!["items"]!.AsArray())!;
        Assert.Equal(0.095m, listedPool["bid"]!.GetValue<decimal>());
        Assert.Equal(2, listedPool["desired"]!.GetValue<int>());

        var unconfirmed = await mcp.CallAsync("delete_spot_pool", new JsonObject { ["name"] = poolName });
        Assert.True(McpSession.IsError(unconfirmed));
        Assert.Contains("confirm", McpSession.Text(unconfirmed), StringComparison.Ordinal);
        Assert.Equal(poolName, (await mcp.CallJsonAsync("get_spot_pool", new JsonObject { ["name"] = poolName }))["name"]!.GetValue<string>());
        await mcp.CallJsonAsync("delete_spot_pool", new JsonObject { ["name"] = poolName, ["confirm"] = poolName });

        var wrong = await mcp.CallAsync("delete_cloudspace", new JsonObject { ["name"] = "mcp-demo", ["confirm"] = "mcp-dem" });
        Assert.True(McpSession.IsError(wrong));
        Assert.Equal("mcp-demo", (await mcp.CallJsonAsync("get_cloudspace", new JsonObject { ["name"] = "mcp-demo" }))["name"]!.GetValue<string>());
        var deleted = await mcp.CallJsonAsync("delete_cloudspace", new JsonObject { ["name"] = "mcp-demo", ["confirm"] = "mcp-demo" });
        Assert.Equal("mcp-demo", deleted["name"]!.GetValue<string>());
        AssertNoSecret(mcp);
    }

    [Fact]
    public async Task Bid_guard_status_names_each_pool_with_its_verdict_and_figures_and_changes_nothing()
    {
        const string serverClass = "gp.vs2.medium-dfw";
        _cli.Emulator.ScriptMarketPrices(serverClass, [.. Enumerable.Repeat(0.0500m, 24)]);
        var atRisk = await CreatePoolAsync("mcp-guard", serverClass, "0.0520");

        await using var mcp = await McpSession.StartAsync(_cli);
        var schema = (await mcp.ListToolsAsync()).Single(t => t!["name"]!.GetValue<string>() == "bid_guard_status")!["inputSchema"]!;
        Assert.Equal("number", schema["properties"]!["margin_percent"]!["type"]!.GetValue<string>());
        Assert.Equal("integer", schema["properties"]!["percentile"]!["type"]!.GetValue<string>());
        Assert.Equal("string", schema["properties"]!["cloudspace"]!["type"]!.GetValue<string>());

        var status = await mcp.CallJsonAsync("bid_guard_status", new JsonObject { ["cloudspace"] = "mcp-guard" });
        Assert.True(status["dry_run"]!.GetValue<bool>());
        Assert.False(status["all_winning"]!.GetValue<bool>());
        Assert.Equal(1, status["at_risk"]!.GetValue<int>());
        var pool = Assert.Single(status["items"]!.AsArray())!;
        Assert.Equal(atRisk, pool["pool"]!.GetValue<string>());
        Assert.Equal("at-risk", pool["status"]!.GetValue<string>());
        Assert.Equal("raise", pool["action"]!.GetValue<string>());
        Assert.Equal(0.052m, pool["bid"]!.GetValue<decimal>());
        Assert.Equal(0.05m, pool["market"]!.GetValue<decimal>());
        Assert.Equal(0.053m, pool["recommended_bid"]!.GetValue<decimal>());
        Assert.Contains("within 5", pool["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // The same verdict as the CLI gives, and nothing changed.
        var watch = await _cli.RunAsync("pricing", "watch", "--once", "--cloudspace", "mcp-guard");
        Assert.Equal("at-risk", JsonNode.Parse(watch.Stdout.Trim())!["status"]!.GetValue<string>());
        Assert.Equal(0.052m, (await mcp.CallJsonAsync("get_spot_pool", new JsonObject { ["name"] = atRisk }))["bid"]!.GetValue<decimal>());

        var wider = await mcp.CallJsonAsync("bid_guard_status", new JsonObject { ["cloudspace"] = "mcp-guard", ["margin_percent"] = 2 });
        Assert.Equal("winning", Assert.Single(wider["items"]!.AsArray())!["status"]!.GetValue<string>());

        var badPercentile = await mcp.CallAsync("bid_guard_status", new JsonObject { ["percentile"] = 70 });
        Assert.True(McpSession.IsError(badPercentile));
        Assert.Equal("Invalid arguments: 'percentile' is 70; give one of 20, 50, 80.", McpSession.Text(badPercentile));
        var missing = await mcp.CallAsync("bid_guard_status", new JsonObject { ["cloudspace"] = "mcp-no-such" });
        Assert.True(McpSession.IsError(missing));
        Assert.Contains("mcp-no-such", McpSession.Text(missing), StringComparison.Ordinal);

        var refused = await mcp.CallAsync("apply_bid_guard", new JsonObject { ["cloudspace"] = "mcp-guard" });
        Assert.True(McpSession.IsError(refused));
        Assert.Contains("this server is read-only", McpSession.Text(refused), StringComparison.Ordinal);
        Assert.Equal(0.052m, (await mcp.CallJsonAsync("get_spot_pool", new JsonObject { ["name"] = atRisk }))["bid"]!.GetValue<decimal>());
        AssertNoSecret(mcp);
    }

    [Fact]
    public async Task Apply_bid_guard_with_allow_writes_raises_the_bid_within_the_cap_and_records_it()
    {
        const string serverClass = "mh.vs2.medium-dfw";
        _cli.Emulator.ScriptMarketPrices(serverClass, [.. Enumerable.Repeat(0.0300m, 24)]);
        var losing = await CreatePoolAsync("mcp-guard-apply", serverClass, "0.0290");

        await using var mcp = await McpSession.StartAsync(_cli, "--allow-writes");
        var capped = await mcp.CallJsonAsync("apply_bid_guard", new JsonObject { ["cloudspace"] = "mcp-guard-apply", ["margin_percent"] = 20, ["max_bid"] = 0.033 });
        Assert.False(capped["dry_run"]!.GetValue<bool>());
        Assert.Equal(1, capped["losing"]!.GetValue<int>());
        Assert.Equal(1, capped["applied"]!.GetValue<int>());
        var pool = Assert.Single(capped["items"]!.AsArray())!;
        Assert.Equal(losing, pool["pool"]!.GetValue<string>());
        Assert.True(pool["applied"]!.GetValue<bool>());
        Assert.True(pool["limited_by_max_bid"]!.GetValue<bool>());
        Assert.Equal(0.033m, pool["recommended_bid"]!.GetValue<decimal>());
        Assert.Equal(0.033m, (await mcp.CallJsonAsync("get_spot_pool", new JsonObject { ["name"] = losing }))["bid"]!.GetValue<decimal>());

        var history = (await _cli.JsonAsync("pricing", "guard", "history", "--pool", losing)).Node.AsArray();
        var change = Assert.Single(history)!;
        Assert.Equal(0.029m, change["old_bid"]!.GetValue<decimal>());
        Assert.Equal(0.033m, change["new_bid"]!.GetValue<decimal>());

        var raised = await mcp.CallJsonAsync("apply_bid_guard", new JsonObject { ["cloudspace"] = "mcp-guard-apply", ["margin_percent"] = 20 });
        Assert.Equal(0.036m, Assert.Single(raised["items"]!.AsArray())!["recommended_bid"]!.GetValue<decimal>());
        Assert.Equal(0.036m, (await mcp.CallJsonAsync("get_spot_pool", new JsonObject { ["name"] = losing }))["bid"]!.GetValue<decimal>());
        var calm = await mcp.CallJsonAsync("bid_guard_status", new JsonObject { ["cloudspace"] = "mcp-guard-apply", ["margin_percent"] = 20 });
        Assert.True(calm["all_winning"]!.GetValue<bool>());
        Assert.Equal(2, (await _cli.JsonAsync("pricing", "guard", "history", "--pool", losing)).Node.AsArray().Count);
        AssertNoSecret(mcp);
    }

    private async Task<string> CreatePoolAsync(string cloudspace, string serverClass, string bid)
    {
        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "create", cloudspace, "--region", "us-central-dfw-1")).ExitCode);
        var pool = (await _cli.JsonAsync("nodepools", "spot", "create", "--cloudspace", cloudspace, "--serverclass", serverClass, "--bid-price", bid, "--desired", "1")).Node;
        return pool["metadata"]!["name"]!.GetValue<string>();
    }

    /// <summary>No response carries the refresh token, an id token (a JWT) or kubeconfig material.</summary>
    private void AssertNoSecret(McpSession mcp)
    {
        Assert.NotEmpty(mcp.Transcript);
        foreach (var line in mcp.Transcript)
        {
            Assert.DoesNotContain(_cli.Emulator.RefreshToken, line, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", line, StringComparison.Ordinal);
            Assert.DoesNotContain("certificate-authority-data", line, StringComparison.Ordinal);
            Assert.DoesNotContain("client-key-data", line, StringComparison.Ordinal);
        }
    }
}
