namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// Shows the command users type (<c>rsspot</c>) in help text. System.CommandLine names the root command after
/// the assembly, which is <c>Rsspot.Cli</c> because an assembly named <c>rsspot</c> would clash with the
/// <c>Rsspot</c> SDK (assembly names ignore case).
/// </summary>
internal sealed class CommandNameWriter(TextWriter inner) : TextWriter
{
    private const string AssemblyName = "Rsspot.Cli";
    private const string CommandName = "rsspot";

    public override System.Text.Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(value?.Replace(AssemblyName, CommandName, StringComparison.Ordinal));

    public override void WriteLine(string? value) => inner.WriteLine(value?.Replace(AssemblyName, CommandName, StringComparison.Ordinal));

    public override void Flush() => inner.Flush();
}
