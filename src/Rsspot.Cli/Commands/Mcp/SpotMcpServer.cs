using System.Reflection;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// The MCP server over stdio: tools registered explicitly (no attribute scanning, no reflection-built schemas),
/// so it runs from the Native AOT binary. Every failure of a tool is a tool error carrying the SDK's message.
/// </summary>
internal sealed class SpotMcpServer
{
    public const string Instructions = """
        Rackspace Spot: auction-priced managed Kubernetes. Prices are USD per node-hour. Start with list_regions,
        list_prices or list_cloudspaces; get_* tools show one item; bid_guard_status says which spot pools risk
        losing their nodes. Long lists come in pages (offset, limit,
        next_offset). Every tool takes an optional 'profile' naming another account of the rsspot config file.
        Tools that change the account are present only when the server was started with --allow-writes;
        deletes also need the name repeated in 'confirm'.
        """;

    private readonly Dictionary<string, McpTool> _tools;
    private readonly bool _allowWrites;
    private readonly ProfileClients _clients;

    public SpotMcpServer(ProfileClients clients, bool allowWrites)
    {
        _clients = clients;
        _allowWrites = allowWrites;
        _tools = AllTools().ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public static IEnumerable<McpTool> AllTools() =>
        AccountTools.All().Concat(PricingTools.All()).Concat(CloudspaceTools.All()).Concat(NodePoolTools.All()).Concat(InventoryTools.All()).Concat(BidGuardTools.Read())
            .Concat(WriteTools.All()).Concat(BidGuardTools.Write());

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "rsspot", Version = Version() },
            ServerInstructions = Instructions,
            Capabilities = new ServerCapabilities { Tools = new ToolsCapability() },
            Handlers = new McpServerHandlers
            {
                ListToolsHandler = (_, _) => ValueTask.FromResult(new ListToolsResult { Tools = [.. ListedTools()] }),
                CallToolHandler = (request, ct) => CallAsync(request.Params, ct),
            },
        };
        await using var transport = new StdioServerTransport(options);
        await using var server = McpServer.Create(transport, options);
        await server.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tools an agent sees: the read tools, plus the write tools with <c>--allow-writes</c>.</summary>
    public IEnumerable<Tool> ListedTools() => _tools.Values.Where(t => _allowWrites || !t.Writes).Select(t => new Tool
    {
        Name = t.Name,
        Description = t.Description,
        InputSchema = t.Schema.ToJson(),
        Annotations = new ToolAnnotations { ReadOnlyHint = !t.Writes, DestructiveHint = t.Writes && t.Name.StartsWith("delete_", StringComparison.Ordinal), OpenWorldHint = true },
    });

    public async ValueTask<CallToolResult> CallAsync(CallToolRequestParams? request, CancellationToken cancellationToken)
    {
        var name = request?.Name ?? string.Empty;
        if (!_tools.TryGetValue(name, out var tool))
        {
            return Error($"Unknown tool '{name}'; list the tools to see what exists.");
        }

        if (tool.Writes && !_allowWrites)
        {
            return Error($"'{name}' changes the account, and this server is read-only. Start it with 'rsspot mcp --allow-writes' to allow changes.");
        }

        try
        {
            var arguments = request?.Arguments is { } given ? new Dictionary<string, JsonElement>(given, StringComparer.Ordinal) : null;
            var result = await tool.Run(new ToolCall(name, arguments, _clients), cancellationToken).ConfigureAwait(false);
            return new CallToolResult { Content = [new TextContentBlock { Text = ToolResults.ToText(result) }] };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Error(ToolErrors.Message(ex));
        }
    }

    private static CallToolResult Error(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = message }] };

    private static string Version() =>
        typeof(SpotMcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
