using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// <c>rsspot mcp</c> spoken to in newline-delimited JSON-RPC, as an MCP client does: in this process
/// (<see cref="InProcessMcpServer"/>), or as a child process over its real stdin and stdout
/// (<see cref="StartProcessAsync(IReadOnlyDictionary{string, string}, string[])"/>, the end-to-end tests). Every
/// line the server writes is kept, so a test can scan them all.
/// </summary>
internal sealed class McpSession : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(90);

    private readonly TextWriter _input;
    private readonly TextReader _output;
    private readonly Func<Task<string>> _stderr;
    private readonly Func<Task> _stop;
    private int _nextId;

    private McpSession(TextWriter input, TextReader output, Func<Task<string>> stderr, Func<Task> stop)
    {
        _input = input;
        _output = output;
        _stderr = stderr;
        _stop = stop;
    }

    /// <summary>Every line the server wrote to stdout.</summary>
    public List<string> Transcript { get; } = [];

    /// <summary>Every notification the server sent (progress, logging), in order, with when it arrived.</summary>
    public List<(DateTimeOffset At, JsonNode Message)> Notifications { get; } = [];

    /// <summary>The result of <c>initialize</c>.</summary>
    public JsonNode Initialize { get; private set; } = null!;

    /// <summary>In this process, unless every run goes to a child process (<see cref="CliRunner.OutOfProcess"/>).</summary>
    public static Task<McpSession> StartAsync(CliFixture cli, params string[] args) => StartAsync(cli.Environment, args);

    /// <inheritdoc cref="StartAsync(CliFixture, string[])"/>
    public static Task<McpSession> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliRunner.OutOfProcess ? StartProcessAsync(environment, args) : InitializeAsync(InProcess(environment, args));

    /// <summary>The real rsspot binary as a child process, over its stdin and stdout.</summary>
    public static Task<McpSession> StartProcessAsync(CliFixture cli, params string[] args) => StartProcessAsync(cli.Environment, args);

    /// <inheritdoc cref="StartProcessAsync(CliFixture, string[])"/>
    public static Task<McpSession> StartProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = CliRunner.StartInfo(environment, ["mcp", .. args]);
        start.RedirectStandardInput = true;
        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        return InitializeAsync(new McpSession(process.StandardInput, process.StandardOutput, () => stderr, async () =>
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }));
    }

    private static McpSession InProcess(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var server = new InProcessMcpServer(environment, args);
        var input = new StreamWriter(server.ToServer, new UTF8Encoding(false));
        var output = new StreamReader(server.FromServer, Encoding.UTF8);
        return new McpSession(input, output, () => Task.FromResult(server.Stderr), async () =>
        {
            await input.FlushAsync();
            await server.DisposeAsync();
            output.Dispose();
        });
    }

    private static async Task<McpSession> InitializeAsync(McpSession session)
    {
        try
        {
            session.Initialize = await session.RequestAsync("initialize", new JsonObject
            {
                ["protocolVersion"] = "2025-06-18",
                ["capabilities"] = new JsonObject(),
                ["clientInfo"] = new JsonObject { ["name"] = "rsspot-tests", ["version"] = "1.0" },
            });
            await session.NotifyAsync("notifications/initialized");
            return session;
        }
        catch
        {
            // A server that did not start is not left running behind the failed test.
            await session.DisposeAsync();
            throw;
        }
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
            var line = await _output.ReadLineAsync(cancel.Token)
                ?? throw new InvalidOperationException($"rsspot mcp closed stdout before answering {what}; stderr: {await _stderr()}");
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
            while (await _output.ReadLineAsync(cancel.Token) is { } line)
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
        await _input.WriteLineAsync(line);
        await _input.FlushAsync();
    }

    public async ValueTask DisposeAsync() => await _stop();

    private Task WriteAsync(JsonObject message) => WriteLineAsync(message.ToJsonString());
}
