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
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(90);

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

    /// <summary>Every notification the server sent (progress, logging), in order, with when it arrived.</summary>
    public List<(DateTimeOffset At, JsonNode Message)> Notifications { get; } = [];

    /// <summary>The result of <c>initialize</c>.</summary>
    public JsonNode Initialize { get; private set; } = null!;

    public static Task<McpStdioSession> StartAsync(CliFixture cli, params string[] args) => StartAsync(cli.Environment, args);

    public static async Task<McpStdioSession> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = CliRunner.StartInfo(environment, ["mcp", .. args]);
        start.RedirectStandardInput = true;
        var session = new McpStdioSession(Process.Start(start)!);
        session.Initialize = await session.RequestAsync("initialize", new JsonObject
        {
            ["protocolVersion"] = "2025-06-18",
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "rsspot-tests", ["version"] = "1.0" },
        });
        await session.NotifyAsync("notifications/initialized");
        return session;
    }

    public async Task<JsonArray> ListToolsAsync() => (await RequestAsync("tools/list", new JsonObject()))["tools"]!.AsArray();

    /// <summary>Calls a tool; the result has <c>content</c> and, on a tool error, <c>isError: true</c>.</summary>
    public Task<JsonNode> CallAsync(string tool, JsonObject? arguments = null, string? progressToken = null)
    {
        var parameters = new JsonObject { ["name"] = tool, ["arguments"] = arguments ?? new JsonObject() };
        if (progressToken is not null)
        {
            parameters["_meta"] = new JsonObject { ["progressToken"] = progressToken };
        }

        return RequestAsync("tools/call", parameters);
    }

    /// <summary>Calls a tool that must succeed and returns its structured content (checked to equal its text).</summary>
    public async Task<JsonNode> CallJsonAsync(string tool, JsonObject? arguments = null)
    {
        var result = await CallAsync(tool, arguments);
        Assert.False(IsError(result), $"{tool} failed: {Text(result)}");
        var structured = result["structuredContent"] ?? throw new InvalidOperationException($"{tool} returned no structuredContent");
        Assert.True(JsonNode.DeepEquals(structured, JsonNode.Parse(Text(result))), $"{tool}: the text is not the structured content");
        return structured;
    }

    public static bool IsError(JsonNode result) => result["isError"]?.GetValue<bool>() == true;

    public static string Text(JsonNode result) => result["content"]![0]!["text"]!.GetValue<string>();

    /// <summary>Sends a request and returns its <c>result</c>; a JSON-RPC error fails.</summary>
    public async Task<JsonNode> RequestAsync(string method, JsonNode? parameters)
    {
        var message = await RequestRawAsync(method, parameters);
        return message["result"] ?? throw new InvalidOperationException($"{method} failed: {message["error"]?.ToJsonString()}");
    }

    /// <summary>Sends a request and returns the whole answer (with <c>result</c> or <c>error</c>).</summary>
    public async Task<JsonNode> RequestRawAsync(string method, JsonNode? parameters)
    {
        var id = ++_nextId;
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            request["params"] = parameters;
        }

        await WriteAsync(request);
        return await AnswerAsync(id, method);
    }

    /// <summary>Sends a request without waiting for its answer; <see cref="AnswerAsync"/> reads it later.</summary>
    public async Task<int> SendRequestAsync(string method, JsonNode parameters)
    {
        var id = ++_nextId;
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return id;
    }

    /// <summary>Reads lines until the answer to request <paramref name="id"/>, keeping notifications.</summary>
    public async Task<JsonNode> AnswerAsync(int id, string what, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? AnswerTimeout);
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(cancel.Token)
                ?? throw new InvalidOperationException($"rsspot mcp closed stdout before answering {what}; stderr: {await _stderr}");
            Transcript.Add(line);
            var message = JsonNode.Parse(line)!;
            if (message["id"] is null)
            {
                Notifications.Add((DateTimeOffset.UtcNow, message));
                continue;
            }

            if (message["id"]!.ToJsonString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return message;
            }
        }
    }

    /// <summary>Reads lines for <paramref name="duration"/> (notifications only are expected).</summary>
    public async Task DrainAsync(TimeSpan duration)
    {
        using var cancel = new CancellationTokenSource(duration);
        try
        {
            while (await _process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                Transcript.Add(line);
                var message = JsonNode.Parse(line)!;
                if (message["id"] is null)
                {
                    Notifications.Add((DateTimeOffset.UtcNow, message));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The time is up.
        }
    }

    public Task NotifyAsync(string method, JsonNode? parameters = null)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return WriteAsync(message);
    }

    /// <summary>Writes one raw line (which may be anything a client could send).</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
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

    private Task WriteAsync(JsonObject message) => WriteLineAsync(message.ToJsonString());
}
