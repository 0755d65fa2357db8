namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// Undoes what .NET's console does to a terminal when it reads keys: its initialization switches the terminal to
/// application cursor/keypad mode (terminfo <c>smkx</c>, <c>ESC[?1h ESC=</c>) and nothing switches it back, so arrow
/// keys in the shell send <c>^[OA</c> afterwards. rsspot touches the console only to read a prompt's answer, and
/// <see cref="Restore"/> runs on every exit path (normal end, error, Ctrl-C, SIGTERM).
/// </summary>
internal static class TerminalModes
{
    private const string KeypadLocal = "\u001b[?1l\u001b>";
    private static readonly Lock Gate = new();
    private static bool _touched;
    private static bool _exiting;

    /// <summary>
    /// Called before the console is used to read from a terminal: initializes it now (that is when .NET writes
    /// <c>smkx</c>), under the same lock as <see cref="Restore"/>, so a Ctrl-C that restores the terminal and exits
    /// cannot land between the two and leave it switched. Once the process is exiting, the reading thread waits for the end.
    /// </summary>
    public static void MarkTouched()
    {
        lock (Gate)
        {
            if (!_exiting)
            {
                _touched = true;
                _ = Console.In;
                return;
            }
        }

        Thread.Sleep(Timeout.Infinite);
    }

    /// <summary>Writes <c>rmkx</c> to the terminal when the console was used; idempotent.</summary>
    /// <param name="exiting">The process ends next: no later read may switch the terminal again.</param>
    public static void Restore(bool exiting = false)
    {
        lock (Gate)
        {
            _exiting |= exiting;
            if (!_touched)
            {
                return;
            }

            _touched = false;
            Write();
        }
    }

    private static void Write()
    {
        if (OperatingSystem.IsWindows() || Console.IsOutputRedirected)
        {
            return;
        }

        var term = Environment.GetEnvironmentVariable("TERM");
        if (string.IsNullOrEmpty(term) || term == "dumb")
        {
            return;
        }

        try
        {
            using var stdout = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            stdout.Write(System.Text.Encoding.ASCII.GetBytes(KeypadLocal));
        }
        catch (IOException)
        {
            // The terminal is gone.
        }
    }
}
