using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// <c>rsspot mcp</c> served in this process and driven by the MCP C# SDK's own client over the in-memory streams
/// (<see cref="StreamClientTransport"/>): what the SDK's client sees of the handshake, the tool list and calls.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SdkClientTests(CliFixture cli) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task The_csharp_sdk_client_lists_and_calls_tools_and_reads_tool_errors()
    {
        await using var server = new InProcessMcpServer(cli.Environment, ["--allow-writes"]);
        await using var client = await McpClient.CreateAsync(new StreamClientTransport(server.ToServer, server.FromServer));

        Assert.Equal("rsspot", client.ServerInfo?.Name);
        Assert.Contains("'default'", client.ServerInstructions ?? string.Empty, StringComparison.Ordinal);
        var tools = await client.ListToolsAsync();
        Assert.Equal(43, tools.Count);
        Assert.All(tools, t => Assert.NotNull(t.ProtocolTool.OutputSchema));
        Assert.Equal(18, tools.Count(t => t.ProtocolTool.Annotations?.ReadOnlyHint == false));

        var regions = await client.CallToolAsync("list_regions", new Dictionary<string, object?>());
        Assert.NotEqual(true, regions.IsError);
        var structured = JsonNode.Parse(regions.StructuredContent!.Value.GetRawText())!;
        Assert.True(JsonNode.DeepEquals(structured, JsonNode.Parse(Assert.IsType<TextContentBlock>(Assert.Single(regions.Content)).Text)));
        Assert.Contains(structured["items"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "us-central-dfw-1");

        var created = await client.CallToolAsync("create_cloudspace", new Dictionary<string, object?> { ["name"] = "mcp-sdk", ["region"] = "us-central-dfw-1" });
        Assert.NotEqual(true, created.IsError);
        var unconfirmed = await client.CallToolAsync("delete_cloudspace", new Dictionary<string, object?> { ["name"] = "mcp-sdk" });
        Assert.True(unconfirmed.IsError);
        var deleted = await client.CallToolAsync("delete_cloudspace", new Dictionary<string, object?> { ["name"] = "mcp-sdk", ["confirm"] = "mcp-sdk" });
        Assert.Equal("mcp-sdk", deleted.StructuredContent!.Value.GetProperty("name").GetString());

        var badInput = await client.CallToolAsync("list_server_classes", new Dictionary<string, object?> { ["limit"] = "many" });
        Assert.True(badInput.IsError);
        Assert.Equal("Invalid arguments: 'limit' is \"many\"; it must be a whole number.", Assert.IsType<TextContentBlock>(Assert.Single(badInput.Content)).Text);

        var unknown = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("list_region", new Dictionary<string, object?>()).AsTask());
        Assert.Equal(McpErrorCode.InvalidParams, unknown.ErrorCode);
        Assert.Contains("did you mean 'list_regions'?", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, (await client.CallToolAsync("list_regions", new Dictionary<string, object?>())).StructuredContent!.Value.ValueKind);

        // The client closing its end is end of file on stdin: the command ends with 0, as the tool does.
        await client.DisposeAsync();
        Assert.Equal(0, await server.StopAsync());
    }
}
