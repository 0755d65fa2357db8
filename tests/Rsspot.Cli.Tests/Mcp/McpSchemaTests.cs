using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Json.Schema;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// Each tool's schemas against a reference JSON Schema implementation (JsonSchema.Net): both compile as draft
/// 2020-12, the server's verdict on generated arguments is the input schema's, and every result validates against
/// the output schema. The server runs with writes and any profile allowed, so every tool and argument is offered.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class McpSchemaTests : IClassFixture<CliFixture>
{
    private const int SetsPerTool = 100;
    private const string Refused = "Invalid arguments: ";

    private readonly CliFixture _cli;

    public McpSchemaTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task Every_input_and_output_schema_is_a_valid_draft_2020_12_schema_and_the_hints_say_what_a_tool_does()
    {
        await using var mcp = await McpSession.StartAsync(_cli, "--allow-writes", "--allow-profiles", "*");
        var tools = await mcp.ListToolsAsync();
        Assert.Equal(43, tools.Count);
        foreach (var tool in tools)
        {
            foreach (var which in new[] { "inputSchema", "outputSchema" })
            {
                var schema = tool![which]!.ToJsonString();
                using var document = JsonDocument.Parse(schema);
                var meta = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
                Assert.True(meta.IsValid, $"{tool["name"]} {which} is not a draft 2020-12 schema: {JsonSerializer.Serialize(meta)}");
                Assert.Equal("https://json-schema.org/draft/2020-12/schema", tool[which]!["$schema"]!.GetValue<string>());
                Assert.Equal("object", tool[which]!["type"]!.GetValue<string>());
                _ = ReferenceSchema.Build(schema);
            }
        }

        string[] destructive = ["update_cloudspace", "delete_cloudspace", "update_spot_pool", "apply_bid", "delete_spot_pool", "update_on_demand_pool", "delete_on_demand_pool", "apply_bid_guard", "apply_cloudspaces", "scale_vm_pool", "delete_vm_pool", "scale_autopilot_pool", "delete_autopilot_pool"];
        string[] additive = ["create_cloudspace", "create_spot_pool", "create_on_demand_pool", "create_vm_pool", "create_autopilot_pool"];
        foreach (var tool in tools)
        {
            var name = tool!["name"]!.GetValue<string>();
            var hints = tool["annotations"]!;
            Assert.Equal(!destructive.Contains(name) && !additive.Contains(name), hints["readOnlyHint"]!.GetValue<bool>());
            Assert.Equal(destructive.Contains(name), hints["destructiveHint"]!.GetValue<bool>());
        }

        Assert.False(Hint(tools, "apply_bid_guard", "idempotentHint"));
        Assert.True(Hint(tools, "apply_bid", "idempotentHint"));
        Assert.False(Hint(tools, "create_spot_pool", "idempotentHint"));
        var percentile = Tool(tools, "bid_guard_status")["inputSchema"]!["properties"]!["percentile"]!;
        Assert.Equal([20, 50, 80], percentile["enum"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal(1000, Tool(tools, "create_spot_pool")["inputSchema"]!["properties"]!["max_nodes"]!["maximum"]!.GetValue<int>());
        Assert.Equal(0, Tool(tools, "apply_bid")["inputSchema"]!["properties"]!["bid"]!["exclusiveMinimum"]!.GetValue<int>());
    }

    [Fact]
    public async Task For_generated_arguments_the_servers_verdict_is_the_input_schemas_and_every_result_validates()
    {
        await using var mcp = await McpSession.StartAsync(_cli, "--allow-writes", "--allow-profiles", "*");
        var tools = await mcp.ListToolsAsync();
        var verdicts = new Dictionary<bool, int> { [true] = 0, [false] = 0 };
        foreach (var tool in tools)
        {
            var name = tool!["name"]!.GetValue<string>();
            var input = ReferenceSchema.Build(tool["inputSchema"]!.ToJsonString());
            var output = ReferenceSchema.Build(tool["outputSchema"]!.ToJsonString());
            var sets = new List<JsonObject>();
            Arguments(tool["inputSchema"]!).Sample(a => sets.Add(a), iter: SetsPerTool, threads: 1, seed: "0N0XIzNsQ0O2");
            foreach (var arguments in sets)
            {
                var expected = input.Accepts(arguments.ToJsonString()) && CrossArgumentRules(name, arguments);
                var result = await mcp.CallAsync(name, arguments);
                var refused = McpSession.IsError(result) && McpSession.Text(result).StartsWith(Refused, StringComparison.Ordinal);
                Assert.True(expected != refused, $"{name} {arguments.ToJsonString()}: the schema says {(expected ? "valid" : "invalid")}, the server {(refused ? "refused it" : "ran it")}: {McpSession.Text(result)}");
                verdicts[expected]++;
                if (!McpSession.IsError(result))
                {
                    AssertValid(output, name, result);
                }
            }
        }

        Assert.True(verdicts[true] > 300 && verdicts[false] > 300, $"valid {verdicts[true]}, invalid {verdicts[false]}");
    }

    [Fact]
    public async Task Every_tools_result_validates_against_its_output_schema_and_reads_as_plain_json()
    {
        const string serverClass = "gp.vs1.medium-dfw";
        await using var mcp = await McpSession.StartAsync(_cli, "--allow-writes");
        var tools = await mcp.ListToolsAsync();
        var called = new HashSet<string>(StringComparer.Ordinal);

        async Task<JsonNode> Call(string tool, JsonObject? arguments = null)
        {
            var result = await mcp.CallAsync(tool, arguments);
            Assert.False(McpSession.IsError(result), $"{tool}: {McpSession.Text(result)}");
            AssertValid(ReferenceSchema.Build(Tool(tools, tool)["outputSchema"]!.ToJsonString()), tool, result);
            called.Add(tool);
            return result["structuredContent"]!;
        }

        foreach (var list in new[] { "list_organizations", "list_regions", "list_server_classes", "list_prices", "list_cloudspaces", "list_spot_pools", "list_on_demand_pools", "list_vm_cloudspaces", "list_events", "bid_guard_status" })
        {
            await Call(list);
        }

        await Call("get_price", new JsonObject { ["server_class"] = serverClass });
        await Call("get_comparables", new JsonObject { ["server_class"] = serverClass });
        await Call("recommend_cluster", new JsonObject { ["nodes"] = 3 });
        var history = await mcp.CallAsync("get_price_history", new JsonObject { ["server_class"] = serverClass });
        await Call("get_price_history", new JsonObject { ["server_class"] = serverClass });
        var text = McpSession.Text(history);
        Assert.Contains(history["structuredContent"]!["sparkline"]!.GetValue<string>(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);

        await Call("create_cloudspace", new JsonObject { ["name"] = "mcp-out", ["region"] = "us-central-dfw-1" });
        await Call("wait_for_cloudspace", new JsonObject { ["name"] = "mcp-out" });
        await Call("update_cloudspace", new JsonObject { ["name"] = "mcp-out", ["high_availability"] = true });
        var spot = (await Call("create_spot_pool", new JsonObject { ["cloudspace"] = "mcp-out", ["server_class"] = serverClass, ["bid"] = 0.08, ["min_nodes"] = 1, ["max_nodes"] = 3 }))["name"]!.GetValue<string>();
        var onDemand = (await Call("create_on_demand_pool", new JsonObject { ["cloudspace"] = "mcp-out", ["server_class"] = serverClass }))["name"]!.GetValue<string>();
        await Call("get_cloudspace", new JsonObject { ["name"] = "mcp-out" });
        await Call("get_spot_pool", new JsonObject { ["name"] = spot });
        await Call("get_on_demand_pool", new JsonObject { ["name"] = onDemand });
        var updated = await Call("update_spot_pool", new JsonObject { ["name"] = spot, ["desired"] = 2, ["bid"] = 0.09 });
        Assert.Equal(0.09m, updated["bid"]!.GetValue<decimal>());
        Assert.Equal(1, updated["min_nodes"]!.GetValue<int>());
        await Call("apply_bid", new JsonObject { ["name"] = spot, ["bid"] = 0.085 });
        await Call("update_on_demand_pool", new JsonObject { ["name"] = onDemand, ["desired"] = 0 });
        await Call("apply_bid_guard", new JsonObject { ["cloudspace"] = "mcp-out" });
        await Call("list_autopilot_pools");
        var autopilot = (await Call("create_autopilot_pool", new JsonObject { ["cloudspace"] = "mcp-out", ["vcpu_total"] = 8, ["budget_per_hour"] = 0.1 }))["name"]!.GetValue<string>();
        Assert.NotEmpty((await Call("get_autopilot_pool", new JsonObject { ["name"] = autopilot }))["allocations"]!.AsArray());
        await Call("scale_autopilot_pool", new JsonObject { ["name"] = autopilot, ["vcpu_total"] = 4, ["budget_per_hour"] = 0.05 });
        await Call("delete_autopilot_pool", new JsonObject { ["name"] = autopilot, ["confirm"] = autopilot });
        await Call("delete_spot_pool", new JsonObject { ["name"] = spot, ["confirm"] = spot });
        await Call("delete_on_demand_pool", new JsonObject { ["name"] = onDemand, ["confirm"] = onDemand });
        await Call("delete_cloudspace", new JsonObject { ["name"] = "mcp-out", ["confirm"] = "mcp-out" });
        const string spec = "name: mcp-out-spec\nregion: us-central-dfw-1\nonDemandNodePools:\n  - {key: web, serverClass: gp.vs1.medium-dfw}\n";
        await Call("plan_cloudspaces", new JsonObject { ["spec"] = spec });
        await Call("apply_cloudspaces", new JsonObject { ["spec"] = spec, ["confirm"] = "mcp-out-spec" });

        using (var sdk = _cli.SdkClient())
        {
            await sdk.VmSshKeys.CreateAsync(new Rsspot.Services.Vm.VmSshKeyRequest("mcp-out-key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2r6c4Jb2D0m9QkqvA5e9yVZzLQ1p4s8Xf0bT3aR7N out@host"));
            await sdk.VmCloudspaces.CreateAsync(new Rsspot.Services.Vm.VmCloudspaceCreateRequest("mcp-vm-out", "us-central-dfw-1", "mcp-out-key"));
        }

        await Call("list_vm_ssh_keys");
        var vmPool = (await Call("create_vm_pool", new JsonObject { ["vm_cloudspace"] = "mcp-vm-out", ["server_class"] = serverClass, ["bid"] = 0.08, ["desired"] = 1 }))["name"]!.GetValue<string>();
        await Call("list_vm_pools", new JsonObject { ["vm_cloudspace"] = "mcp-vm-out" });
        await Call("get_vm_pool", new JsonObject { ["name"] = vmPool });
        await Call("get_vm_cloudspace", new JsonObject { ["name"] = "mcp-vm-out" });
        await Call("scale_vm_pool", new JsonObject { ["name"] = vmPool, ["desired"] = 2 });
        await Call("delete_vm_pool", new JsonObject { ["name"] = vmPool, ["confirm"] = vmPool });

        Assert.Equal(tools.Select(t => t!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal), called.Order(StringComparer.Ordinal));
    }

    /// <summary>The rules a JSON Schema cannot say, documented in the tools' descriptions: min_nodes ≤ max_nodes, and a delete's confirm repeats its name.</summary>
    private static bool CrossArgumentRules(string tool, JsonObject arguments)
    {
        if (Number(arguments["min_nodes"]) is { } min && Number(arguments["max_nodes"]) is { } max && min > max)
        {
            return false;
        }

        if (tool == "apply_cloudspaces" && arguments["confirm"]?.ToJsonString() != "\"mcp-gen-spec\"")
        {
            return false; // confirm repeats the names of the spec's cloudspaces
        }

        return !tool.StartsWith("delete_", StringComparison.Ordinal) || JsonNode.DeepEquals(arguments["confirm"], arguments["name"]);
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? decimal.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Argument sets near the schema: each property absent, valid or invalid; sometimes a misspelt or unoffered name too.</summary>
    private static Gen<JsonObject> Arguments(JsonNode schema)
    {
        var properties = schema["properties"]!.AsObject().Select(p => (p.Key, Candidates: ArgumentSamples.Candidates(p.Value!))).ToList();
        var extras = properties.Select(p => p.Key.Length > 3 ? p.Key[..^1] : p.Key + "s").Append("profile").Append("bid_price").ToArray();
        return Gen.Int[0, 999].Array[properties.Count + 2].Select(rolls =>
        {
            var arguments = new JsonObject();
            for (var i = 0; i < properties.Count; i++)
            {
                var (name, (valid, invalid)) = properties[i];
                var roll = rolls[i];
                if (roll < 350)
                {
                    continue;
                }

                arguments[name] = roll < 870 ? valid[roll % valid.Length]?.DeepClone() : invalid[roll % invalid.Length]?.DeepClone();
            }

            if (rolls[^2] < 80)
            {
                arguments[extras[rolls[^1] % extras.Length]] = 1;
            }

            return arguments;
        });
    }

    private static void AssertValid(JsonSchema output, string tool, JsonNode result)
    {
        var structured = result["structuredContent"] ?? throw new InvalidOperationException($"{tool} returned no structuredContent");
        using var instance = JsonDocument.Parse(structured.ToJsonString());
        var evaluation = output.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, $"{tool}: the result does not match its output schema: {JsonSerializer.Serialize(evaluation)}\n{structured.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(structured, JsonNode.Parse(McpSession.Text(result))), $"{tool}: the text is not the structured content");
    }

    private static bool Hint(JsonArray tools, string tool, string hint) => Tool(tools, tool)["annotations"]![hint]!.GetValue<bool>();

    private static JsonNode Tool(JsonArray tools, string name) => tools.Single(t => t!["name"]!.GetValue<string>() == name)!;
}
