namespace Rsspot.Cli.Infrastructure;

/// <summary>What the process is attached to: decides the default output, colour and prompts.</summary>
/// <param name="StdoutIsTerminal">Stdout is a terminal (not a pipe or file).</param>
/// <param name="StdinIsTerminal">Stdin is a terminal, so the user can answer prompts.</param>
/// <param name="Colour">Colour (and bold) is allowed: stdout is a terminal, NO_COLOR is unset and TERM is not <c>dumb</c>.</param>
internal sealed record Terminal(bool StdoutIsTerminal, bool StdinIsTerminal, bool Colour)
{
    public static Terminal Redirected { get; } = new(false, false, false);

    /// <summary>The terminal of this process, with NO_COLOR and TERM read from <paramref name="environment"/>.</summary>
    public static Terminal Detect(CliEnvironment environment)
    {
        var stdout = !Console.IsOutputRedirected;
        var stdin = !Console.IsInputRedirected;
        var noColor = !string.IsNullOrEmpty(environment.Get("NO_COLOR"));
        var dumb = string.Equals(environment.Get("TERM"), "dumb", StringComparison.Ordinal);
        return new Terminal(stdout, stdin, stdout && !noColor && !dumb);
    }
}
