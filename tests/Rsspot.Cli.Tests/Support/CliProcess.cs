using System.Diagnostics;
using System.Text;

namespace Rsspot.Cli.Tests.Support;

/// <summary>
/// A running rsspot child process whose stderr is watched while it runs, for tests that act on it meanwhile:
/// send it a signal, close its stdout.
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrReader;

    private CliProcess(Process process)
    {
        _process = process;
        _stderrReader = Task.Run(async () =>
        {
            var buffer = new char[1024];
            int read;
            while ((read = await process.StandardError.ReadAsync(buffer)) > 0)
            {
                lock (_stderr)
                {
                    _stderr.Append(buffer, 0, read);
                }
            }
        });
    }

    public int Id => _process.Id;

    public StreamReader Stdout => _process.StandardOutput;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = CliRunner.StartInfo(environment, args);
        start.RedirectStandardInput = true;
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return new CliProcess(process);
    }

    /// <summary>Sends a signal by name (INT, TERM) with kill(1).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="seconds"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 60)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds) || _process.HasExited)
            {
                Assert.Fail($"Never saw {what}; exited: {_process.HasExited}. stderr:\n{Stderr}");
            }

            await Task.Delay(25);
        }
    }

    public Task WaitForStderrAsync(string text) => WaitUntilAsync(() => Stderr.Contains(text, StringComparison.Ordinal), $"'{text}' on stderr");

    /// <summary>The exit code, failing when the process runs longer than <paramref name="seconds"/>.</summary>
    public async Task<int> ExitCodeAsync(int seconds = 90)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"rsspot still ran after {seconds} s. stderr:\n{Stderr}");
        }

        await _stderrReader;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
