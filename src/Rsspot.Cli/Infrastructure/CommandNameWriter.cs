namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// Shows the command users type (<c>rsspot</c>) in help text. System.CommandLine names the root command after
/// the executable or assembly (<c>Rsspot.Cli</c>, or <c>Rsspot</c> for the native binary) because an assembly
/// named <c>rsspot</c> would clash with the <c>Rsspot</c> SDK (assembly names ignore case).
/// </summary>
internal sealed class CommandNameWriter(TextWriter inner, string rootName) : TextWriter
{
    private const string CommandName = "rsspot";

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(Rename(value));

    public override void WriteLine(string? value) => inner.WriteLine(Rename(value));

    public override void Flush() => inner.Flush();

    // Only usage lines ("  Rsspot.Cli cloudspaces create [options]") start with the root name after indentation.
    private string? Rename(string? text)
    {
        if (text is null || rootName == CommandName)
        {
            return text;
        }

        var trimmed = text.TrimStart();
        return trimmed.StartsWith(rootName + " ", StringComparison.Ordinal) || trimmed == rootName
            ? string.Concat(text.AsSpan(0, text.Length - trimmed.Length), CommandName, trimmed.AsSpan(rootName.Length))
            : text;
    }
}
