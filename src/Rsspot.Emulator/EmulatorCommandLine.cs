using System.Globalization;

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

    /// <summary>The help text.</summary>
    public static string Usage => $"""
        Usage: rsspot-emulator [options]

        Starts a local, stateful Rackspace Spot API on 127.0.0.1. One base URL serves the API,
        the OAuth token endpoint (POST /oauth/token) and the public price documents.

        Options:
          --port <n>               TCP port on 127.0.0.1 (default {DefaultPort}; 0 picks a free one)
          --refresh-token <value>  refresh token to accept (default {EmulatorOptions.DefaultRefreshToken})
          --org <name>             name of your first organization (default {EmulatorOptions.DefaultOrganizationName})
          --client-id <id>         an OAuth client id accepted besides the public one
          --token-lifetime <s>     id_token lifetime in seconds (default 3600)
          --kube-token-ttl <s>     lifetime of the token in a generated kubeconfig, in seconds (default 3600)
          --ready-after <s>        seconds a new cloudspace stays Provisioning (default {DefaultReadyAfterSeconds}; 0 = at once)
          --data <file>            keep the state in this JSON file across restarts (default: in memory)
          --org-page-size <n>      organizations per page (default 2)
          --market-seed <n>        move prices on a seeded, repeatable schedule (default: fixed prices)
          --market-step-seconds <s> seconds between two auctions of the seeded market (default 60)
          --vm-count <n>           seed n VMs spread over VM cloudspaces (250 each) and pools (default: 3 in one)
          --deletion-grace <s>     seconds a deleted cloudspace or pool stays Terminating before it is gone (default 0)
          --continue-lifetime <s>  seconds a list's continue value stays valid (default 300)
        Faults (also switchable at run time: PUT /_emulator/faults):
          --latency-ms <ms>        delay added to every request
          --fail-rate <0..1>       share of requests answered with --fail-status
          --fail-count <n>         answer the next n requests with --fail-status
          --fail-status <code>     500, 502, 503 or 504 (default 503)
          --rate-limit-rate <0..1> share of requests answered 429
          --rate-limit-count <n>   answer the next n requests 429
          --retry-after <s>        Retry-After of a 429 (default 1)
          --drop-rate <0..1>       share of requests whose connection is dropped
          --drop-count <n>         drop the connection of the next n requests
          --fault-path <prefix>    limit faults to paths starting with this prefix
          --fault-method <method>  limit faults to this HTTP method
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
            if (args.Any(a => a is "-h" or "--help" or "-?"))
            {
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return 0;
            }

            options = Parse(args);
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            await error.WriteLineAsync("Run with --help to see the options.").ConfigureAwait(false);
            return UsageError;
        }

        EmulatorHost host;
        try
        {
            host = await EmulatorHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (IsAddressInUse(ex))
        {
            await error.WriteLineAsync($"error: port {options.Port} on 127.0.0.1 is already in use (another emulator or program is listening there).").ConfigureAwait(false);
            await error.WriteLineAsync("Pick another one with --port <n>, or --port 0 for a free one.").ConfigureAwait(false);
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
    /// <param name="args">The command-line arguments.</param>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new EmulatorOptions { Port = DefaultPort, ReadyAfter = TimeSpan.FromSeconds(DefaultReadyAfterSeconds) };
        var faults = new FaultSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"option {arg} needs a value");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "--port": options.Port = Int(arg, Value(), 0, 65535); break;
                case "--refresh-token": options.RefreshToken = Text(arg, Value()); break;
                case "--org": options.OrganizationName = Text(arg, Value()); break;
                case "--client-id": options.ClientId = Text(arg, Value()); break;
                case "--token-lifetime": options.TokenLifetime = TimeSpan.FromSeconds(Int(arg, Value(), 1, int.MaxValue)); break;
                case "--kube-token-ttl": options.KubeTokenLifetime = TimeSpan.FromSeconds(Int(arg, Value(), 1, 604_800)); break;
                case "--ready-after": options.ReadyAfter = TimeSpan.FromSeconds(Int(arg, Value(), 0, int.MaxValue)); break;
                case "--data": options.DataFile = Text(arg, Value()); break;
                case "--org-page-size": options.OrganizationPageSize = Int(arg, Value(), 1, 1000); break;
                case "--market-seed": options.MarketSeed = Int(arg, Value(), int.MinValue, int.MaxValue); break;
                case "--market-step-seconds": options.MarketStep = TimeSpan.FromSeconds(Int(arg, Value(), 1, 86_400)); break;
                case "--vm-count": options.VmCount = Int(arg, Value(), 0, 100_000); break;
                case "--deletion-grace": options.DeletionGracePeriod = TimeSpan.FromSeconds(Int(arg, Value(), 0, 86_400)); break;
                case "--continue-lifetime": options.ContinueLifetime = TimeSpan.FromSeconds(Int(arg, Value(), 1, 86_400)); break;
                case "--latency-ms": faults.LatencyMs = Int(arg, Value(), 0, 600_000); break;
                case "--fail-rate": faults.FailRate = Share(arg, Value()); break;
                case "--fail-count": faults.FailCount = Int(arg, Value(), 0, int.MaxValue); break;
                case "--fail-status": faults.FailStatus = Int(arg, Value(), 500, 504); break;
                case "--rate-limit-rate": faults.RateLimitRate = Share(arg, Value()); break;
                case "--rate-limit-count": faults.RateLimitCount = Int(arg, Value(), 0, int.MaxValue); break;
                case "--retry-after": faults.RetryAfterSeconds = Int(arg, Value(), 0, 86_400); break;
                case "--drop-rate": faults.DropRate = Share(arg, Value()); break;
                case "--drop-count": faults.DropCount = Int(arg, Value(), 0, int.MaxValue); break;
                case "--fault-path": faults.PathPrefix = Text(arg, Value()); break;
                case "--fault-method": faults.Method = Text(arg, Value()).ToUpperInvariant(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        try
        {
            faults.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("option --fail-status: " + ex.Message, ex);
        }

        options.Faults = faults.IsEmpty ? null : faults;
        return options;
    }

    private static string Banner(EmulatorHost host) => $"""
        Spot emulator listening on {host.BaseUrl}
          The same base URL serves the Spot API, the OAuth token endpoint (POST /oauth/token)
          and the public price documents (/history/<class>, /percentiles.json, /comparable_prices.json).
          refresh token : {host.RefreshToken}
          organization  : {host.OrganizationName} (id {host.OrganizationId}, namespace {host.Namespace})
          kube API      : each Ready cloudspace's APIServerEndpoint (TLS on {host.KubeBaseUrl}; kubeconfig tokens live {host.Options.KubeTokenLifetime.TotalSeconds} s)
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

    private static string Text(string option, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"option {option} needs a non-empty value") : value;

    private static int Int(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"option {option} expects a whole number from {min} to {max}, not '{value}'");

    private static double Share(string option, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= 1
            ? d
            : throw new ArgumentException($"option {option} expects a share from 0 to 1, not '{value}'");
}
