using System.Globalization;
using System.IO.Pipelines;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// <c>rsspot mcp</c> run by <see cref="CliApp"/> in this process, as the tool runs it (the same parse, options and
/// server setup), on a host whose byte streams are two in-memory pipes instead of stdin and stdout and whose
/// environment is exactly the one given. Closing <see cref="ToServer"/> ends the server as end of file on stdin ends
/// the tool; the server's end of <see cref="FromServer"/> closes when it stops, as a process's stdout does.
/// </summary>
internal sealed class InProcessMcpServer : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly StringWriter _stderr = new(CultureInfo.InvariantCulture);
    private readonly CancellationTokenSource _cancel = new();
    private readonly Task<int> _served;

    public InProcessMcpServer(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["RSSPOT_OUTPUT_SHAPE"] = "raw" };
        foreach (var (key, value) in environment)
        {
            variables[key] = value;
        }

        var host = CliHost.Redirected(TextWriter.Null, TextWriter.Synchronized(_stderr), TextReader.Null, variables) with
        {
            ByteStreams = (_toServer.Reader.AsStream(), _fromServer.Writer.AsStream()),
        };
        ToServer = _toServer.Writer.AsStream();
        FromServer = _fromServer.Reader.AsStream();
        _served = Task.Run(
            async () =>
            {
                // The tool is built with invariant globalization; the culture flows into the invocation's continuations.
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                try
                {
                    return await CliApp.RunAsync(["mcp", .. args], host, _cancel.Token);
                }
                finally
                {
                    await _fromServer.Writer.CompleteAsync();
                }
            },
            CancellationToken.None);
    }

    /// <summary>The server's stdin, for the client to write.</summary>
    public Stream ToServer { get; }

    /// <summary>The server's stdout, for the client to read.</summary>
    public Stream FromServer { get; }

    /// <summary>What the invocation wrote to stderr so far.</summary>
    public string Stderr => _stderr.ToString();

    /// <summary>Ends the server's input and waits for its exit code (cancelling it after 30 s).</summary>
    public async Task<int> StopAsync()
    {
        await ToServer.DisposeAsync();
        try
        {
            return await _served.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            await _cancel.CancelAsync();
            return await _served.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await FromServer.DisposeAsync();
        _cancel.Dispose();
    }
}
