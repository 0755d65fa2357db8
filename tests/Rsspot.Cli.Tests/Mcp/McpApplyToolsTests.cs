using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>plan_cloudspaces and apply_cloudspaces over stdio against the emulator.</summary>
public sealed class McpApplyToolsTests : IClassFixture<CliFixture>
{
    private const string Spec = """
        name: mcp-apply
        region: us-central-dfw-1
        spotNodePools:
          - {key: workers, serverClass: gp.vs1.medium-dfw, bidPrice: 0.025, desired: 1}
        """;

    private readonly CliFixture _cli;

    public McpApplyToolsTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task Plan_is_read_only_apply_needs_the_names_confirmed_and_a_second_plan_is_empty()
    {
        await using (var readOnly = await McpSession.StartAsync(_cli))
        {
            var tools = (await readOnly.ListToolsAsync()).Select(t => t!["name"]!.GetValue<string>()).ToList();
            Assert.Contains("plan_cloudspaces", tools);
            Assert.DoesNotContain("apply_cloudspaces", tools);
        }

        await using var mcp = await McpSession.StartAsync(_cli, "--allow-writes");
        _cli.Emulator.ClearRequestLog();
        var plan = await mcp.CallJsonAsync("plan_cloudspaces", new JsonObject { ["spec"] = Spec });
        Assert.Equal(2, plan["summary"]!["create"]!.GetValue<int>());
        Assert.Contains("+ create spot pool mcp-apply/workers", plan["plan"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(_cli.Emulator.GetRequestLog(), e => e.Method is "POST" or "PATCH" or "DELETE" && !e.Path.StartsWith("/oauth", StringComparison.Ordinal));

        var unconfirmed = await mcp.CallAsync("apply_cloudspaces", new JsonObject { ["spec"] = Spec, ["confirm"] = "other" });
        Assert.True(McpSession.IsError(unconfirmed), unconfirmed.ToJsonString());
        Assert.Contains("confirm: \"mcp-apply\"", McpSession.Text(unconfirmed), StringComparison.Ordinal);
        var invalid = await mcp.CallAsync("apply_cloudspaces", new JsonObject { ["spec"] = "name: mcp-apply\nregoin: x\n", ["confirm"] = "mcp-apply" });
        Assert.True(McpSession.IsError(invalid), invalid.ToJsonString());
        Assert.DoesNotContain(_cli.Emulator.GetRequestLog(), e => e.Method is "POST" or "PATCH" or "DELETE" && !e.Path.StartsWith("/oauth", StringComparison.Ordinal));

        var applied = await mcp.CallJsonAsync("apply_cloudspaces", new JsonObject { ["spec"] = Spec, ["confirm"] = "mcp-apply" });
        Assert.Equal(2, applied["applied"]!.GetValue<int>());
        var again = await mcp.CallJsonAsync("plan_cloudspaces", new JsonObject { ["spec"] = Spec });
        Assert.Empty(again["changes"]!.AsArray());
        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "delete", "mcp-apply", "--yes")).ExitCode);
    }
}
