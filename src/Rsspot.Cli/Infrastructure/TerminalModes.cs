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
    private static int _touched;

    /// <summary>Called before the console is used to read from a terminal.</summary>
    public static void MarkTouched() => Interlocked.Exchange(ref _touched, 1);

    /// <summary>Writes <c>rmkx</c> to the terminal when the console was used; idempotent.</summary>
    public static void Restore()
    {
        if (Interlocked.Exchange(ref _touched, 0) == 0 || OperatingSystem.IsWindows() || Console.IsOutputRedirected)
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
