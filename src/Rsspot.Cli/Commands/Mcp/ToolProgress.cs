using System.Diagnostics;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Progress of one call whose caller sent a <c>progressToken</c>: a <c>notifications/progress</c> every
/// <see cref="Interval"/> (well inside the 10 s clients reset their time-outs by) saying how long the call has run and
/// what it is doing, until the call ends or is cancelled.
/// </summary>
internal sealed class ToolProgress : IProgress<string>, IAsyncDisposable
{
    /// <summary>How often a long call reports.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly McpServer _server;
    private readonly ProgressToken _token;
    private readonly CancellationTokenSource _stop;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly string _tool;
    private readonly Task _loop;
    private volatile string _status = "started";

    private ToolProgress(McpServer server, ProgressToken token, string tool, CancellationToken callCancelled)
    {
        _server = server;
        _token = token;
        _tool = tool;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(callCancelled);
        _loop = RunAsync(_stop.Token);
    }

    /// <summary>Reports for the call when its caller asked for progress; otherwise null.</summary>
    public static ToolProgress? Start(McpServer? server, ProgressToken? token, string tool, CancellationToken callCancelled) =>
        server is not null && token is { } t ? new ToolProgress(server, t, tool, callCancelled) : null;

    public void Report(string value) => _status = value;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped with the call.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var seconds = Math.Round(_elapsed.Elapsed.TotalSeconds);
            var value = new ProgressNotificationValue { Progress = (float)seconds, Message = ToolErrors.Clean($"{_tool}: {_status} after {seconds:0} s") };
            try
            {
                await _server.NotifyProgressAsync(_token, value, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return; // The client went away; the call itself notices.
            }
        }
    }
}
