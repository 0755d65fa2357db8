using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// <c>rsspot mcp</c> as an agent could misuse it, against two accounts (sandbox and prod emulators): a server
/// started for one profile never reaches another unless its operator allowed it, a misspelt argument never reaches
/// the API, long waits report progress, and malformed calls get a reason.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class McpAgentSafetyTests : IClassFixture<TwoAccountsFixture>
{
    private readonly TwoAccountsFixture _accounts;

    public McpAgentSafetyTests(TwoAccountsFixture accounts)
    {
        _accounts = accounts;
    }

    [Fact]
    public async Task A_writes_server_for_sandbox_refuses_profile_prod_and_prod_receives_nothing()
    {
        await using var mcp = await McpSession.StartAsync(_accounts.Environment, "--profile", "sandbox", "--allow-writes");
        var tools = await mcp.ListToolsAsync();
        Assert.All(tools, t => Assert.Null(t!["inputSchema"]!["properties"]!["profile"]));
        _accounts.Prod.ClearRequestLog();

        var create = await mcp.CallAsync("create_cloudspace", new JsonObject { ["name"] = "mcp-pinned", ["region"] = "us-central-dfw-1", ["profile"] = "prod" });
        Assert.True(McpSession.IsError(create));
        Assert.Equal("Invalid arguments: 'profile' is not accepted: this server changes only profile 'sandbox'; its operator decides which other profiles it may change.", McpSession.Text(create));
        var delete = await mcp.CallAsync("delete_cloudspace", new JsonObject { ["name"] = "mcp-pinned", ["confirm"] = "mcp-pinned", ["profile"] = "prod" });
        Assert.True(McpSession.IsError(delete));
        var read = await mcp.CallAsync("list_cloudspaces", new JsonObject { ["profile"] = "prod" });
        Assert.Contains("this server is pinned to profile 'sandbox'", McpSession.Text(read), StringComparison.Ordinal);

        Assert.Empty(_accounts.Prod.GetRequestLog());
        Assert.DoesNotContain("mcp-pinned", _accounts.Sandbox.ListResourceNames("cloudspaces", _accounts.Sandbox.Namespace));
    }

    [Fact]
    public async Task An_unknown_argument_on_any_write_tool_is_refused_with_the_nearest_name_and_nothing_is_sent()
    {
        await using var mcp = await McpSession.StartAsync(_accounts.Environment, "--profile", "sandbox", "--allow-writes");
        var tools = await mcp.ListToolsAsync();
        var writes = tools.Where(t => t!["annotations"]!["readOnlyHint"]!.GetValue<bool>() == false).ToList();
        Assert.Equal(18, writes.Count);
        _accounts.Sandbox.ClearRequestLog();
        _accounts.Prod.ClearRequestLog();

        foreach (var tool in writes)
        {
            var name = tool!["name"]!.GetValue<string>();
            var schema = tool["inputSchema"]!;
            var arguments = ArgumentSamples.Required(schema);
            var real = schema["properties"]!.AsObject().Select(p => p.Key).Last();
            var typo = real[..^2] + real[^1] + real[^2]; // the last two letters swapped
            arguments[typo] = arguments[real]?.DeepClone() ?? ArgumentSamples.Valid(schema["properties"]![real]!);

            var result = await mcp.CallAsync(name, arguments);

            Assert.True(McpSession.IsError(result), $"{name} ran with '{typo}'");
            Assert.Contains($"unknown argument '{typo}'; did you mean '{real}'?", McpSession.Text(result), StringComparison.Ordinal);
        }

        var ha = await mcp.CallAsync("create_cloudspace", new JsonObject { ["name"] = "mcp-typo", ["region"] = "us-central-dfw-1", ["high_availabilty"] = true });
        Assert.StartsWith("Invalid arguments: unknown argument 'high_availabilty'; did you mean 'high_availability'?", McpSession.Text(ha), StringComparison.Ordinal);
        var bid = await mcp.CallAsync("update_spot_pool", new JsonObject { ["name"] = Guid.NewGuid().ToString(), ["desired"] = 3, ["bid_price"] = 0.5 });
        Assert.StartsWith("Invalid arguments: unknown argument 'bid_price'; did you mean 'bid'?", McpSession.Text(bid), StringComparison.Ordinal);
        var region = await mcp.CallAsync("list_prices", new JsonObject { ["region"] = "us-central-dfw-1" });
        Assert.StartsWith("Invalid arguments: unknown argument 'region'; did you mean 'regions'?", McpSession.Text(region), StringComparison.Ordinal);

        Assert.Empty(_accounts.Sandbox.GetRequestLog());
        Assert.Empty(_accounts.Prod.GetRequestLog());
    }

    [Fact]
    public async Task Allowed_profiles_are_an_enum_reads_reach_them_and_writes_only_where_allowed()
    {
        await using (var reads = await McpSession.StartAsync(_accounts.Environment, "--profile", "sandbox", "--allow-writes", "--allow-profiles", "prod"))
        {
            var tools = await reads.ListToolsAsync();
            var listProfile = Tool(tools, "list_cloudspaces")["inputSchema"]!["properties"]!["profile"]!;
            Assert.Equal(["sandbox", "prod"], listProfile["enum"]!.AsArray().Select(p => p!.GetValue<string>()));
            Assert.Null(Tool(tools, "create_cloudspace")["inputSchema"]!["properties"]!["profile"]);

            _accounts.Prod.ClearRequestLog();
            var orgs = await reads.CallJsonAsync("list_organizations", new JsonObject { ["profile"] = "prod" });
            Assert.Contains(orgs["items"]!.AsArray(), o => o!["name"]!.GetValue<string>() == "prod");
            var other = await reads.CallAsync("list_cloudspaces", new JsonObject { ["profile"] = "staging" });
            Assert.Equal("Invalid arguments: 'profile' is \"staging\"; give one of \"sandbox\", \"prod\".", McpSession.Text(other));

            var requestsBefore = TwoAccountsFixture.ApiRequests(_accounts.Prod);
            var create = await reads.CallAsync("create_cloudspace", new JsonObject { ["name"] = "mcp-prod", ["region"] = "us-central-dfw-1", ["profile"] = "prod" });
            Assert.Contains("this server changes only profile 'sandbox'", McpSession.Text(create), StringComparison.Ordinal);
            Assert.Equal(requestsBefore, TwoAccountsFixture.ApiRequests(_accounts.Prod));
        }

        await using var writes = await McpSession.StartAsync(_accounts.Environment, "--profile", "sandbox", "--allow-writes", "--allow-writes-to", "prod");
        var createProfile = Tool(await writes.ListToolsAsync(), "create_cloudspace")["inputSchema"]!["properties"]!["profile"]!;
        Assert.Equal(["sandbox", "prod"], createProfile["enum"]!.AsArray().Select(p => p!.GetValue<string>()));
        var created = await writes.CallJsonAsync("create_cloudspace", new JsonObject { ["name"] = "mcp-prod", ["region"] = "us-central-dfw-1", ["profile"] = "prod" });
        Assert.Equal("mcp-prod", created["name"]!.GetValue<string>());
        Assert.Contains("mcp-prod", _accounts.Prod.ListResourceNames("cloudspaces", _accounts.Prod.Namespace));
        Assert.DoesNotContain("mcp-prod", _accounts.Sandbox.ListResourceNames("cloudspaces", _accounts.Sandbox.Namespace));
    }

    [Fact]
    public async Task Allow_writes_to_needs_allow_writes_and_names_not_a_wildcard()
    {
        var withoutWrites = await CliRunner.RunAsync(_accounts.Environment, null, "mcp", "--allow-writes-to", "prod");
        Assert.Equal(2, withoutWrites.ExitCode);
        Assert.Contains("needs --allow-writes", withoutWrites.Stderr, StringComparison.Ordinal);

        var wildcard = await CliRunner.RunAsync(_accounts.Environment, null, "mcp", "--allow-writes", "--allow-writes-to", "*");
        Assert.Equal(2, wildcard.ExitCode);
        Assert.Contains("'*' is not accepted", wildcard.Stderr, StringComparison.Ordinal);

        var unknown = await CliRunner.RunAsync(_accounts.Environment, null, "mcp", "--allow-profiles", "prod,staging");
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("Profile 'staging' (allowed to the MCP tools) is not in the config file", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_30_s_for_a_cloudspace_with_a_progress_token_reports_progress_at_least_every_10_s()
    {
        await using var mcp = await McpSession.StartAsync(_accounts.Environment, "--profile", "sandbox", "--allow-writes");
        await mcp.CallJsonAsync("create_cloudspace", new JsonObject { ["name"] = "mcp-slow", ["region"] = "us-central-dfw-1" });
        var started = DateTimeOffset.UtcNow;

        var ready = await mcp.CallAsync("wait_for_cloudspace", new JsonObject { ["name"] = "mcp-slow", ["timeout_seconds"] = 120 }, progressToken: "wait-slow");

        Assert.False(McpSession.IsError(ready), McpSession.Text(ready));
        Assert.True(ready["structuredContent"]!["is_ready"]!.GetValue<bool>());
        var ended = DateTimeOffset.UtcNow;
        Assert.True(ended - started > TimeSpan.FromSeconds(20), "the cloudspace was meant to take 30 s");
        var progress = mcp.Notifications
            .Where(n => n.Message["method"]?.GetValue<string>() == "notifications/progress" && n.Message["params"]!["progressToken"]!.GetValue<string>() == "wait-slow")
            .ToList();
        Assert.True(progress.Count >= 3, $"{progress.Count} progress notifications in {(ended - started).TotalSeconds:0} s");
        var times = progress.Select(p => p.At).Prepend(started).Append(ended).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First < TimeSpan.FromSeconds(10), $"a gap of {(pair.Second - pair.First).TotalSeconds:0.0} s"));
        var values = progress.Select(p => p.Message["params"]!["progress"]!.GetValue<double>()).ToList();
        Assert.Equal(values.Order(), values);
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.Contains(progress, p => p.Message["params"]!["message"]!.GetValue<string>().Contains("phase Provisioning", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task A_cancelled_wait_stops_its_progress_and_the_server_goes_on()
    {
        await using var mcp = await McpSession.StartProcessAsync(_accounts.Environment, "--profile", "sandbox", "--allow-writes");
        await mcp.CallJsonAsync("create_cloudspace", new JsonObject { ["name"] = "mcp-cancel", ["region"] = "us-central-dfw-1" });
        var id = await mcp.SendRequestAsync("tools/call", new JsonObject
        {
            ["name"] = "wait_for_cloudspace",
            ["arguments"] = new JsonObject { ["name"] = "mcp-cancel" },
            ["_meta"] = new JsonObject { ["progressToken"] = "wait-cancel" },
        });
        await mcp.DrainAsync(TimeSpan.FromSeconds(7));
        Assert.Contains(mcp.Notifications, n => n.Message["params"]?["progressToken"]?.GetValue<string>() == "wait-cancel");

        await mcp.NotifyAsync("notifications/cancelled", new JsonObject { ["requestId"] = id, ["reason"] = "the user gave up" });
        var cancelledAt = DateTimeOffset.UtcNow;
        await mcp.DrainAsync(TimeSpan.FromSeconds(12));

        Assert.DoesNotContain(mcp.Notifications, n => n.At > cancelledAt.AddSeconds(1) && n.Message["params"]?["progressToken"]?.GetValue<string>() == "wait-cancel");
        Assert.True((await mcp.CallJsonAsync("list_regions"))["total"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Malformed_calls_and_unknown_tools_get_invalid_params_with_the_reason()
    {
        await using var mcp = await McpSession.StartAsync(_accounts.Environment, "--profile", "sandbox");

        var noName = await mcp.RequestRawAsync("tools/call", new JsonObject { ["name"] = 5 });
        Assert.Equal(-32602, noName["error"]!["code"]!.GetValue<int>());
        Assert.Contains("'name'", noName["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var listArguments = await mcp.RequestRawAsync("tools/call", new JsonObject { ["name"] = "list_regions", ["arguments"] = new JsonArray(1) });
        Assert.Equal(-32602, listArguments["error"]!["code"]!.GetValue<int>());
        Assert.Contains("'arguments' must be an object", listArguments["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var noParams = await mcp.RequestRawAsync("tools/call", null);
        Assert.Equal(-32602, noParams["error"]!["code"]!.GetValue<int>());

        var unknown = await mcp.RequestRawAsync("tools/call", new JsonObject { ["name"] = "list_region", ["arguments"] = new JsonObject() });
        Assert.Equal(-32602, unknown["error"]!["code"]!.GetValue<int>());
        Assert.Equal("Unknown tool 'list_region'; did you mean 'list_regions'? tools/list shows the tools this server has.", unknown["error"]!["message"]!.GetValue<string>());

        Assert.True((await mcp.CallJsonAsync("list_regions"))["total"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Tool_errors_are_one_bounded_line_without_control_or_bidi_characters()
    {
        await using var mcp = await McpSession.StartAsync(_accounts.Environment, "--profile", "sandbox");
        var hostileName = "bad\u0000\u001b[31m\u0007\u202Ename" + new string('x', 2_000_000);
        var hostileValue = "gp\u0000\u001b]0;title\u0007\u202E" + new string('y', 5_000_000);

        foreach (var arguments in new[]
        {
            new JsonObject { [hostileName] = 1 },
            new JsonObject { ["server_class"] = hostileValue },
        })
        {
            var result = await mcp.CallAsync("get_price", arguments);
            var text = McpSession.Text(result);
            Assert.True(McpSession.IsError(result));
            Assert.StartsWith("Invalid arguments: ", text, StringComparison.Ordinal);
            Assert.True(text.Length <= 1000, $"{text.Length} characters");
            Assert.DoesNotContain(text, c => char.IsControl(c) || c is '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u200E' or '\u200F');
        }

        var transcript = string.Concat(mcp.Transcript);
        Assert.True(transcript.Length < 100_000, $"the replies to 7 MB of arguments took {transcript.Length} characters");
    }

    [Fact]
    public async Task A_server_error_names_its_reason_in_the_tools_words()
    {
        await using var mcp = await McpSession.StartAsync(_accounts.Environment, "--profile", "sandbox");

        var history = await mcp.CallAsync("get_price_history", new JsonObject { ["server_class"] = "gp.vs9.nothing-dfw" });

        Assert.True(McpSession.IsError(history));
        var text = McpSession.Text(history);
        Assert.Contains("gp.vs9.nothing-dfw", text, StringComparison.Ordinal);
        Assert.Contains("unknown server class", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_cloudspace_shows_the_kubernetes_version_that_runs()
    {
        await using var mcp = await McpSession.StartAsync(_accounts.Environment, "--profile", "prod", "--allow-writes");
        await mcp.CallJsonAsync("create_cloudspace", new JsonObject { ["name"] = "mcp-version", ["region"] = "us-central-dfw-1" });
        var resource = _accounts.Prod.GetResource("cloudspaces", "mcp-version", _accounts.Prod.Namespace)!;
        var running = resource["status"]?["currentKubernetesVersion"]?.GetValue<string>() ?? resource["spec"]?["kubernetesVersion"]?.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(running), resource.ToJsonString());

        var cloudspace = await mcp.CallJsonAsync("get_cloudspace", new JsonObject { ["name"] = "mcp-version" });

        Assert.Equal(running, cloudspace["kubernetes_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Apply_bid_far_above_the_on_demand_price_is_refused()
    {
        await using var mcp = await McpSession.StartAsync(_accounts.Environment, "--profile", "prod", "--allow-writes");
        await mcp.CallJsonAsync("create_cloudspace", new JsonObject { ["name"] = "mcp-ceiling", ["region"] = "us-central-dfw-1" });
        var pool = await mcp.CallJsonAsync("create_spot_pool", new JsonObject { ["cloudspace"] = "mcp-ceiling", ["server_class"] = "gp.vs1.medium-dfw", ["bid"] = 0.02 });
        var onDemand = (await mcp.CallJsonAsync("get_price", new JsonObject { ["server_class"] = "gp.vs1.medium-dfw" }))["items"]![0]!["on_demand_per_hour"]!.GetValue<decimal>();

        var result = await mcp.CallAsync("apply_bid", new JsonObject { ["name"] = pool["name"]!.DeepClone(), ["bid"] = onDemand * 10 });

        Assert.True(McpSession.IsError(result));
        Assert.Equal(0.02m, (await mcp.CallJsonAsync("get_spot_pool", new JsonObject { ["name"] = pool["name"]!.DeepClone() }))["bid"]!.GetValue<decimal>());
    }

    private static JsonNode Tool(JsonArray tools, string name) => tools.Single(t => t!["name"]!.GetValue<string>() == name)!;
}
