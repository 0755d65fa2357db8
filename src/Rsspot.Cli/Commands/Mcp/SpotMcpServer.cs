using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// The MCP server over stdio: tools registered explicitly (no attribute scanning, no reflection-built schemas), so it
/// runs from the Native AOT binary. A call runs only when its arguments pass the tool's published schema; every
/// result carries <c>structuredContent</c> (valid against the tool's output schema) and the same JSON as text; every
/// failure of a tool is a tool error an agent can act on. It owns the profiles' clients it was given.
/// </summary>
internal sealed class SpotMcpServer : IDisposable
{
    private readonly Dictionary<string, ServedTool> _tools;
    private readonly bool _allowWrites;
    private readonly ProfileClients _clients;
    private readonly ProfileAccess _access;

    public SpotMcpServer(ProfileClients clients, ProfileAccess access, bool allowWrites)
    {
        _clients = clients;
        _access = access;
        _allowWrites = allowWrites;
        _tools = AllTools().ToDictionary(t => t.Name, t => new ServedTool(t, access), StringComparer.Ordinal);
    }

    public string Instructions => $"""
        Rackspace Spot: auction-priced managed Kubernetes. Prices are USD per node-hour. Start with list_regions,
        list_prices or list_cloudspaces; get_* tools show one item; bid_guard_status says which spot pools risk
        losing their nodes. Long lists come in pages (offset, limit, next_offset). This server works in profile
        '{_access.Own}'{ProfileNote()}. {(_allowWrites ? "Tools that change the account are present; deletes also need the name repeated in 'confirm'." : "It is read-only: no tool changes the account.")}
        Arguments are checked against each tool's input schema before anything runs.
        """;

    public static IEnumerable<McpTool> AllTools() =>
        AccountTools.All().Concat(PricingTools.All()).Concat(CloudspaceTools.All()).Concat(NodePoolTools.All()).Concat(InventoryTools.All()).Concat(BidGuardTools.Read())
            .Concat(ApplyTools.Read()).Concat(WriteTools.All()).Concat(BidGuardTools.Write()).Concat(ApplyTools.Write()).Concat(VmTools.All())
            .Concat(AutopilotTools.All());

    /// <summary>
    /// Serves on <paramref name="streams"/> (null: this process's stdin and stdout) until the client closes its end
    /// or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task RunAsync((Stream Input, Stream Output)? streams, CancellationToken cancellationToken)
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "rsspot", Version = Version() },
            ServerInstructions = Instructions,
            Capabilities = new ServerCapabilities { Tools = new ToolsCapability() },
            Handlers = new McpServerHandlers
            {
                ListToolsHandler = (_, _) => ValueTask.FromResult(new ListToolsResult { Tools = [.. ListedTools()] }),
                CallToolHandler = CallAsync,
            },
        };
        options.Filters.Message.IncomingFilters.Add(ParamsCheck.Filter);
        await using StreamServerTransport transport = streams is { } given
            ? new StreamServerTransport(given.Input, given.Output, options.ServerInfo.Name)
            : new StdioServerTransport(options);
        await using var server = McpServer.Create(transport, options);
        await server.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _clients.Dispose();

    /// <summary>The tools an agent sees: the read tools, plus the write tools with <c>--allow-writes</c>.</summary>
    public IEnumerable<Tool> ListedTools() => _tools.Values.Where(t => _allowWrites || !t.Tool.Writes).Select(t => t.Listing);

    public async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var name = request.Params?.Name ?? string.Empty;
        if (!_tools.TryGetValue(name, out var served))
        {
            var near = NameSuggestion.Find(name, ListedTools().Select(t => t.Name));
            throw new McpProtocolException(
                ToolErrors.Clean($"Unknown tool '{Clip(name)}'{(near is null ? string.Empty : $"; did you mean '{near}'?")} tools/list shows the tools this server has."),
                McpErrorCode.InvalidParams);
        }

        var tool = served.Tool;
        if (tool.Writes && !_allowWrites)
        {
            return Error($"'{name}' changes the account, and this server is read-only: its operator did not allow changes.");
        }

        var arguments = Arguments(request.Params!.Arguments);
        if (served.Check.Problem(arguments) is { } problem)
        {
            return Error(problem);
        }

        await using var progress = ToolProgress.Start(request.Server, request.Params.ProgressToken, name, cancellationToken);
        try
        {
            var result = ToolResults.Redacted(await tool.Run(new ToolCall(name, arguments, _clients, progress), cancellationToken).ConfigureAwait(false));
            return new CallToolResult
            {
                Content = [new TextContentBlock { Text = ToolResults.ToText(result) }],
                StructuredContent = JsonSerializer.SerializeToElement(result, McpJson.Default.JsonNode),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Error(ToolErrors.Message(ex));
        }
    }

    private static JsonObject Arguments(IDictionary<string, JsonElement>? given)
    {
        var arguments = new JsonObject();
        foreach (var (key, value) in given ?? new Dictionary<string, JsonElement>())
        {
            arguments[key] = JsonNode.Parse(value.GetRawText());
        }

        return arguments;
    }

    private string ProfileNote() => (_access.AnyForReads, _access.Writes.Count) switch
    {
        (true, _) => "; read tools take 'profile' to read another profile of the config file",
        _ when _tools.Values.Any(t => t.InputSchema["properties"]!["profile"] is not null) => "; tools that take 'profile' list the other profiles they may use",
        _ => " only",
    };

    private static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static CallToolResult Error(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = ToolErrors.Clean(message) }] };

    private static string Version() =>
        typeof(SpotMcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
