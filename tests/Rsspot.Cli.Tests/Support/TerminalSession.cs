using System.Diagnostics;
using System.Text;

namespace Rsspot.Cli.Tests.Support;

/// <summary>
/// rsspot on a pseudo-terminal (util-linux <c>script</c>), typed at like a person: the test waits for a prompt,
/// then types the answer. The captured text is what the terminal showed, including what it echoed.
/// </summary>
public sealed class TerminalSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _screen = new();
    private readonly Task _reader;

    private TerminalSession(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadAsync);
    }

    public static TerminalSession Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var rsspot = CliRunner.StartInfo(environment, args);
        var command = string.Join(' ', new[] { rsspot.FileName }.Concat(rsspot.ArgumentList).Select(Quote));
        var start = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--quiet", "--return", "--flush", "--command", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (key, value) in rsspot.Environment)
        {
            start.Environment[key] = value;
        }

        if (!environment.ContainsKey("TERM"))
        {
            start.Environment["TERM"] = "xterm";
        }
        return new TerminalSession(Process.Start(start)!);
    }

    public string Screen
    {
        get
        {
            lock (_screen)
            {
                return _screen.ToString();
            }
        }
    }

    /// <summary>Waits until the terminal shows <paramref name="text"/> (after what it showed before).</summary>
    public async Task WaitForAsync(string text)
    {
        var deadline = Stopwatch.StartNew();
        while (!Screen.Contains(text, StringComparison.Ordinal))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60) || _process.HasExited && _reader.IsCompleted && !Screen.Contains(text, StringComparison.Ordinal))
            {
                Assert.Fail($"The terminal never showed '{text}'. It showed:\n{Screen}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Types <paramref name="keys"/> as they are (e.g. <c>\u0003</c>, Ctrl-C: the terminal sends SIGINT).</summary>
    public async Task TypeAsync(string keys)
    {
        await _process.StandardInput.WriteAsync(keys);
        await _process.StandardInput.FlushAsync();
    }

    public async Task TypeLineAsync(string line)
    {
        await _process.StandardInput.WriteAsync(line + "\r");
        await _process.StandardInput.FlushAsync();
    }

    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        await _reader;
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

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private async Task ReadAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            lock (_screen)
            {
                _screen.Append(buffer, 0, read);
            }
        }
    }
}
