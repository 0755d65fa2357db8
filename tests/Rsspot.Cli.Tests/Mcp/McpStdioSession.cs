using System.Diagnostics;
using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// <c>rsspot mcp</c> as a child process, spoken to in newline-delimited JSON-RPC over its stdin and stdout,
/// as an MCP client does. Every line the server writes is kept, so a test can scan them all.
/// </summary>
internal sealed class McpStdioSession : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Task<string> _stderr;
    private int _nextId;

    private McpStdioSession(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Every line the server wrote to stdout.</summary>
    public List<string> Transcript { get; } = [];

    public static async Task<McpStdioSession> StartAsync(CliFixture cli, params string[] args)
    {
        var start = CliRunner.StartInfo(cli.Environment, ["mcp", .. args]);
        start.RedirectStandardInput = true;
        var session = new McpStdioSession(Process.Start(start)!);
        var init = await session.RequestAsync("initialize", new JsonObject
        {
            ["protocolVersion"] = "2025-06-18",
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "rsspot-tests", ["version"] = "1.0" },
        });
        session.Initialize = init;
        await session.NotifyAsync("notifications/initialized");
        return session;
    }

    /// <summary>The result of <c>initialize</c>.</summary>
    public JsonNode Initialize { get; private set; } = null!;

    public async Task<JsonArray> ListToolsAsync() => (await RequestAsync("tools/list", new JsonObject()))["tools"]!.AsArray();

    /// <summary>Calls a tool; the result has <c>content</c> and, on a tool error, <c>isError: true</c>.</summary>
    public Task<JsonNode> CallAsync(string tool, JsonObject? arguments = null) =>
        RequestAsync("tools/call", new JsonObject { ["name"] = tool, ["arguments"] = arguments ?? new JsonObject() });

    /// <summary>Calls a tool that must succeed and parses its text content as JSON.</summary>
    public async Task<JsonNode> CallJsonAsync(string tool, JsonObject? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        Assert.False(IsError(result), $"{tool} failed: {Text(result)}");
        return JsonNode.Parse(Text(result))!;
    }

    public static bool IsError(JsonNode result) => result["isError"]?.GetValue<bool>() == true;

    public static string Text(JsonNode result) => result["content"]![0]!["text"]!.GetValue<string>();

    public async Task<JsonNode> RequestAsync(string method, JsonObject parameters)
    {
        var id = ++_nextId;
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"rsspot mcp closed stdout before answering {method}; stderr: {await _stderr}");
            Transcript.Add(line);
            var message = JsonNode.Parse(line)!;
            if (message["id"]?.GetValue<int>() != id)
            {
                continue; // a notification or log message
            }

            return message["result"] ?? throw new InvalidOperationException($"{method} failed: {message["error"]?.ToJsonString()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private Task NotifyAsync(string method) => WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method });

    private async Task WriteAsync(JsonObject message)
    {
        await _process.StandardInput.WriteLineAsync(message.ToJsonString());
        await _process.StandardInput.FlushAsync();
    }
}
