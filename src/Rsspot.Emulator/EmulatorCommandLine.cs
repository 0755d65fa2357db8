namespace Rsspot.Emulator;

/// <summary>
/// The emulator's command line, shared by <c>dotnet run --project src/Rsspot.Emulator</c> and
/// <c>rsspot emulator start</c>: parses options, starts on 127.0.0.1, prints how to connect, runs until cancelled.
/// </summary>
public static class EmulatorCommandLine
{
    /// <summary>Exit code of a bad command line.</summary>
    public const int UsageError = 2;

    /// <summary>Default port of the command line (tests use a free port instead).</summary>
    public const int DefaultPort = 5080;

    /// <summary>Default ready delay of the command line, so a sandbox user sees Provisioning turn Ready.</summary>
    public const int DefaultReadyAfterSeconds = 5;

    /// <summary>The help text, written from the option table the parser is made from.</summary>
    public static string Usage => $"""
        Usage: rsspot-emulator [options]

        Starts a local, stateful Rackspace Spot API on 127.0.0.1. One base URL serves the API,
        the OAuth token endpoint (POST /oauth/token) and the public price documents.

        Options:
        {EmulatorOptionTable.HelpLines(fault: false)}
        Faults (also switchable at run time: PUT /_emulator/faults):
        {EmulatorOptionTable.HelpLines(fault: true)}
          -h, --help               show this help

        Examples:
          dotnet run --project src/Rsspot.Emulator -- --port 5080
          dotnet run --project src/Rsspot.Emulator -- --data ~/.rsspot-sandbox.json --ready-after 30
          dotnet run --project src/Rsspot.Emulator -- --rate-limit-rate 0.2 --retry-after 2
        """;

    /// <summary>Parses <paramref name="args"/>, runs the emulator until <paramref name="cancellationToken"/> fires, returns the exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where the connection details (and errors) are written.</param>
    /// <param name="cancellationToken">Stops the emulator (wire it to Ctrl+C).</param>
    public static Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(args, output, output, cancellationToken);

    /// <summary>Same as <see cref="RunAsync(string[], TextWriter, CancellationToken)"/> with errors written to <paramref name="error"/>.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where the connection details are written.</param>
    /// <param name="error">Where usage errors are written.</param>
    /// <param name="cancellationToken">Stops the emulator (wire it to Ctrl+C).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        EmulatorOptions options;
        try
        {
            options = EmulatorOptionTable.Parse(args, out var help);
            if (help)
            {
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return 0;
            }

            options.Validate();
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}. Run with --help to see the options.").ConfigureAwait(false);
            return UsageError;
        }

        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (IsAddressInUse(ex))
        {
            await error.WriteLineAsync($"error: port {options.Port} on 127.0.0.1 is already in use (another emulator or program is listening there); pick another one with --port <n>, or --port 0 for a free one.").ConfigureAwait(false);
            return UsageError;
        }

        await using var running = host;
        await output.WriteLineAsync(Banner(host)).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: fall through to a clean stop.
        }

        await output.WriteLineAsync("Spot emulator stopped.").ConfigureAwait(false);
        return 0;
    }

    /// <summary>Parses options into <see cref="EmulatorOptions"/>; throws <see cref="ArgumentException"/> naming a bad option.</summary>
    /// <param name="args">The command-line arguments (-h, --help and -? are left to <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>).</param>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return EmulatorOptionTable.Parse(args, out _);
    }

    private static string Banner(EmulatorHost host) => $"""
        Spot emulator listening on {host.BaseUrl}
          The same base URL serves the Spot API, the OAuth token endpoint (POST /oauth/token)
          and the public price documents (/history/<class>, /percentiles.json, /comparable_prices.json).
          refresh token : {host.RefreshToken}
          organization  : {host.OrganizationName} (id {host.OrganizationId}, namespace {host.Namespace})
          admin         : {host.BaseUrl}/_emulator/info, /_emulator/faults, /_emulator/requests, /_emulator/counters, /_emulator/market/<class>
          market        : {(host.Options.MarketSeed is { } seed ? $"seed {seed}, an auction every {host.Options.MarketStep.TotalSeconds} s" : "fixed prices (use --market-seed <n> to move them)")}
          state         : {(host.Options.DataFile is { } file ? "kept in " + Path.GetFullPath(file) : "in memory (use --data <file> to keep it)")}
        Point rsspot at it (paste):
          rsspot configure --profile emulator --activate --base-url {host.BaseUrl} --oauth-url {host.BaseUrl} --price-data-url {host.BaseUrl} --refresh-token {host.RefreshToken} --org {host.OrganizationName}
        Then try: rsspot regions list; rsspot pricing build --nodes 3. Press Ctrl+C to stop.
        """;

    private static bool IsAddressInUse(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }
}
