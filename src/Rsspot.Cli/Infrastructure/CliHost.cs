namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// What an invocation runs against: its streams, terminal, environment and keyboard. The tool's entry point gives
/// the process's; a command run in process (the tests) gets its own, so commands never touch <see cref="Console"/>
/// or <see cref="System.Environment"/> themselves.
/// </summary>
/// <param name="Out">Stdout.</param>
/// <param name="Error">Stderr.</param>
/// <param name="In">Stdin (prompt answers, piped input).</param>
/// <param name="Terminal">What stdout and stdin are attached to.</param>
/// <param name="Environment">The environment variables.</param>
/// <param name="Keys">Hidden key input.</param>
internal sealed record CliHost(TextWriter Out, TextWriter Error, TextReader In, Terminal Terminal, CliEnvironment Environment, IKeyReader Keys)
{
    /// <summary>Signal handling of this process (null in process, e.g. in tests).</summary>
    public Interrupts? Interrupts { get; init; }

    /// <summary>
    /// Stdin and stdout as bytes, for a protocol spoken over them (<c>rsspot mcp</c>); null: this process's own
    /// standard input and output.
    /// </summary>
    public (Stream Input, Stream Output)? ByteStreams { get; init; }

    /// <summary>This process: its standard streams, its terminal, its environment, its console.</summary>
    public static CliHost ForProcess(StandardStreams streams, Interrupts interrupts) =>
        new(streams.Out, streams.Error, new ConsoleInput(), Terminal.Detect(CliEnvironment.Process), CliEnvironment.Process, ConsoleKeyReader.Instance) { Interrupts = interrupts };

    /// <summary>Given streams and environment, stdin and stdout not terminals (as when piped).</summary>
    public static CliHost Redirected(TextWriter output, TextWriter error, TextReader input, IReadOnlyDictionary<string, string> environment) =>
        new(output, error, input, Terminal.Redirected, CliEnvironment.Of(environment), new TextKeyReader(input));
}
