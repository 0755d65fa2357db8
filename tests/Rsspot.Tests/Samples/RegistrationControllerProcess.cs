using System.Diagnostics;

namespace Rsspot.Tests.Samples;

/// <summary>
/// samples/RegistrationController run as a child process (the test project references it with
/// ReferenceOutputAssembly=false, so it is built first, in the same configuration), with its output collected line by line.
/// </summary>
public sealed class RegistrationControllerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly System.Text.StringBuilder _errors = new();
    private readonly Task _pump;
    private bool _disposed;

    private RegistrationControllerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Every line printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The lines that report a ledger transition.</summary>
    public IReadOnlyList<string> Transitions => [.. Lines.Where(l => l.StartsWith("transition ", StringComparison.Ordinal))];

    public static string DllPath()
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = baseDir.Name;
        string configuration = baseDir.Parent!.Name;
        string dll = Path.Combine(Support.RepositoryRoot.Find(), "samples", "RegistrationController", "bin", configuration, tfm, "RegistrationController.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} not found; build tests/Rsspot.Tests (it builds the sample first).");
    }

    public static RegistrationControllerProcess Start(params string[] args)
    {
        return new RegistrationControllerProcess(Support.DotnetProcess.Start(DllPath(), args));
    }

    /// <summary>Waits until at least <paramref name="count"/> transition lines were printed.</summary>
    public async Task WaitForTransitionsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Transitions.Count < count)
        {
            Assert.False(_process.HasExited && _pump.IsCompleted, $"The controller exited after {Transitions.Count} transitions:\n{Output()}");
            Assert.True(DateTime.UtcNow < deadline, $"Only {Transitions.Count} of {count} transitions within {timeout}:\n{Output()}");
            await Task.Delay(10);
        }
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Sends a signal (<c>STOP</c>, <c>CONT</c>, <c>TERM</c>, ...) with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{name} {_process.Id} failed");
    }

    /// <summary>Waits for a line matching <paramref name="match"/> printed after the first <paramref name="after"/> lines; returns its index.</summary>
    public async Task<int> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, int after = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var lines = Lines;
            for (var i = after; i < lines.Count; i++)
            {
                if (match(lines[i]))
                {
                    return i;
                }
            }

            Assert.False(_process.HasExited && _pump.IsCompleted, $"The controller exited (code {(_process.HasExited ? _process.ExitCode : 0)}) before the line:\n{Output()}");
            Assert.True(DateTime.UtcNow < deadline, $"No such line within {timeout}:\n{Output()}");
            await Task.Delay(10);
        }
    }

    /// <summary>Asks the process to stop with SIGTERM and returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Signal("TERM");
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"The controller did not stop within {timeout} of SIGTERM:\n{Output()}");
        }

        await _pump;
        return _process.ExitCode;
    }

    /// <summary>Kills the process at once, as a crash or <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await _pump;
    }

    /// <summary>Waits for a normal exit and fails the test on a non-zero code.</summary>
    public async Task CompleteAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"The controller did not finish within {timeout}:\n{Output()}");
        }

        await _pump;
        Assert.True(_process.ExitCode == 0, $"The controller exited with {_process.ExitCode}:\n{Output()}");
    }

    public string Output()
    {
        lock (_errors)
        {
            return string.Join('\n', Lines) + "\n--- stderr ---\n" + _errors;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task PumpAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
