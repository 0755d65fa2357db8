namespace Rsspot.Cli.Infrastructure;

/// <summary>Keys read as characters from a text reader: a line feed or the end is Enter, a backspace or DEL is Backspace.</summary>
internal sealed class TextKeyReader(TextReader input) : IKeyReader
{
    public ConsoleKeyInfo ReadKey()
    {
        var next = input.Read();
        return next switch
        {
            -1 or '\n' or '\r' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, shift: false, alt: false, control: false),
            '\b' or 0x7F => new ConsoleKeyInfo('\b', ConsoleKey.Backspace, shift: false, alt: false, control: false),
            _ => new ConsoleKeyInfo((char)next, default, shift: false, alt: false, control: false),
        };
    }
}
