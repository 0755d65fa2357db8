namespace Rsspot.Cli.Infrastructure;

/// <summary>Stdin for prompts, opened through <see cref="Console.In"/> only when a prompt reads it (see <see cref="TerminalModes"/>).</summary>
internal sealed class ConsoleInput : TextReader
{
    private TextReader? _in;

    private TextReader In
    {
        get
        {
            if (_in is null)
            {
                if (!Console.IsInputRedirected)
                {
                    TerminalModes.MarkTouched();
                }

                _in = Console.In;
            }

            return _in;
        }
    }

    public override int Peek() => In.Peek();

    public override int Read() => In.Read();

    public override string? ReadLine() => In.ReadLine();

    public override string ReadToEnd() => In.ReadToEnd();
}
