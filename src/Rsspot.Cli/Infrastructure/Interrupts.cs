using System.Runtime.InteropServices;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM, handled alike. The first cancels the command's token, so it can finish what matters
/// (a create's rollback runs on its own bounded budget); a second one stops the process at once, after saying what
/// is left behind. While a prompt reads keys, the first one stops at once (the read cannot be cancelled).
/// </summary>
internal sealed class Interrupts : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly TextWriter _error;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private volatile string? _leftBehind;
    private int _count;

    public Interrupts(TextWriter error)
    {
        _error = error;
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    public bool Requested => _cancel.IsCancellationRequested;

    /// <summary>True while a prompt reads keys: a signal then stops at once.</summary>
    public bool Prompting { get; set; }

    /// <summary>
    /// What a stop now would leave behind and how to remove it (one line), set while a command works on something
    /// that would be left; null when nothing would be.
    /// </summary>
    public string? LeftBehind
    {
        get => _leftBehind;
        set => _leftBehind = value;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _count) == 1 && !Prompting)
        {
            if (_leftBehind is not null)
            {
                Say("Interrupted: finishing the cleanup (press Ctrl-C again to stop now).");
            }

            _cancel.Cancel();
            return;
        }

        Say(_leftBehind is { } left ? "Stopped: " + left : "Interrupted.");
        TerminalModes.Restore(exiting: true);
        Environment.Exit(ExitCodes.Cancelled);
    }

    private void Say(string line)
    {
        try
        {
            _error.WriteLine(line);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // stderr is gone.
        }
    }
}
