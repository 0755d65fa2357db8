namespace Rsspot.Cli.Infrastructure;

/// <summary>Reads single keys without echo (hidden input such as a token typed at a prompt).</summary>
internal interface IKeyReader
{
    /// <summary>The next key pressed.</summary>
    ConsoleKeyInfo ReadKey();
}
