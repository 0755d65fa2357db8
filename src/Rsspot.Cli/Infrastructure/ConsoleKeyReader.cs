namespace Rsspot.Cli.Infrastructure;

/// <summary>Keys from the console of this process, not echoed.</summary>
internal sealed class ConsoleKeyReader : IKeyReader
{
    public static ConsoleKeyReader Instance { get; } = new();

    public ConsoleKeyInfo ReadKey()
    {
        TerminalModes.MarkTouched();
        return Console.ReadKey(intercept: true);
    }
}
