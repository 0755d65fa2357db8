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

    /// <summary>The help text, written from the option table.</summary>
    public static string Usage => $"""
        Usage: rsspot-emulator [options]

        Starts a local, stateful Rackspace Spot API on 127.0.0.1. One base URL serves the API,
        the OAuth token endpoint (POST /oauth/token) and the public price documents.

        Options:
        {Lines(fault: false)}
        Faults (also switchable at run time: PUT /_emulator/faults):
        {Lines(fault: true)}
          -h, --help               show this help

        Examples:
          dotnet run --project src/Rsspot.Emulator -- --port 5080
          dotnet run --project src/Rsspot.Emulator -- --data ~/.rsspot-sandbox.json --ready-after 30
          dotnet run --project src/Rsspot.Emulator -- --rate-limit-rate 0.2 --retry-after 2
        """;

    // Every option once: its name, its help line and what it sets. The help text and the parser both read it.
    private static readonly CommandLineOption[] Table =
    [
        new("--port", "<n>", $"TCP port on 127.0.0.1 (default {DefaultPort}; 0 picks a free one)", (o, _, a, v) => o.Port = Int(a, v, 0, 65535)),
        new("--refresh-token", "<value>", $"refresh token to accept (default {EmulatorOptions.DefaultRefreshToken})", (o, _, a, v) => o.RefreshToken = Text(a, v)),
        new("--org", "<name>", $"name of your first organization (default {EmulatorOptions.DefaultOrganizationName})", (o, _, a, v) => o.OrganizationName = Text(a, v)),
        new("--client-id", "<id>", "an OAuth client id accepted besides the public one", (o, _, a, v) => o.ClientId = Text(a, v)),
        new("--token-lifetime", "<s>", "id_token lifetime in seconds (default 3600)", (o, _, a, v) => o.TokenLifetime = TimeSpan.FromSeconds(Int(a, v, 1, int.MaxValue))),
        new("--kube-token-ttl", "<s>", "lifetime of the token in a generated kubeconfig, in seconds (default 3600)", (o, _, a, v) => o.KubeTokenLifetime = TimeSpan.FromSeconds(Int(a, v, 1, 604_800))),
        new("--ready-after", "<s>", $"seconds a new cloudspace stays Provisioning (default {DefaultReadyAfterSeconds}; 0 = at once)", (o, _, a, v) => o.ReadyAfter = TimeSpan.FromSeconds(Int(a, v, 0, int.MaxValue))),
        new("--data", "<file>", "keep the state in this JSON file across restarts (default: in memory)", (o, _, a, v) => o.DataFile = Text(a, v)),
        new("--org-page-size", "<n>", "organizations per page (default 2)", (o, _, a, v) => o.OrganizationPageSize = Int(a, v, 1, 1000)),
        new("--market-seed", "<n>", "move prices on a seeded, repeatable schedule (default: fixed prices)", (o, _, a, v) => o.MarketSeed = Int(a, v, int.MinValue, int.MaxValue)),
        new("--market-step-seconds", "<s>", "seconds between two auctions of the seeded market (default 60)", (o, _, a, v) => o.MarketStep = TimeSpan.FromSeconds(Int(a, v, 1, 86_400))),
        new("--vm-count", "<n>", "seed n VMs spread over VM cloudspaces (250 each) and pools (default: 3 in one)", (o, _, a, v) => o.VmCount = Int(a, v, 0, 100_000)),
        new("--deletion-grace", "<s>", "seconds a deleted cloudspace or pool stays Terminating before it is gone (default 0)", (o, _, a, v) => o.DeletionGracePeriod = TimeSpan.FromSeconds(Int(a, v, 0, 86_400))),
        new("--continue-lifetime", "<s>", "seconds a list's continue value stays valid (default 300)", (o, _, a, v) => o.ContinueLifetime = TimeSpan.FromSeconds(Int(a, v, 1, 86_400))),
        new("--latency-ms", "<ms>", "delay added to every request", (_, f, a, v) => f.LatencyMs = Int(a, v, 0, 600_000), Fault: true),
        new("--fail-rate", "<0..1>", "share of requests answered with --fail-status", (_, f, a, v) => f.FailRate = Share(a, v), Fault: true),
        new("--fail-count", "<n>", "answer the next n requests with --fail-status", (_, f, a, v) => f.FailCount = Int(a, v, 0, int.MaxValue), Fault: true),
        new("--fail-status", "<code>", "500, 502, 503 or 504 (default 503)", (_, f, a, v) => f.FailStatus = Int(a, v, 500, 504), Fault: true),
        new("--rate-limit-rate", "<0..1>", "share of requests answered 429", (_, f, a, v) => f.RateLimitRate = Share(a, v), Fault: true),
        new("--rate-limit-count", "<n>", "answer the next n requests 429", (_, f, a, v) => f.RateLimitCount = Int(a, v, 0, int.MaxValue), Fault: true),
        new("--retry-after", "<s>", "Retry-After of a 429 (default 1)", (_, f, a, v) => f.RetryAfterSeconds = Int(a, v, 0, 86_400), Fault: true),
        new("--drop-rate", "<0..1>", "share of requests whose connection is dropped", (_, f, a, v) => f.DropRate = Share(a, v), Fault: true),
        new("--drop-count", "<n>", "drop the connection of the next n requests", (_, f, a, v) => f.DropCount = Int(a, v, 0, int.MaxValue), Fault: true),
        new("--fault-path", "<prefix>", "limit faults to paths starting with this prefix", (_, f, a, v) => f.PathPrefix = Text(a, v), Fault: true),
        new("--fault-method", "<method>", "limit faults to this HTTP method", (_, f, a, v) => f.Method = Text(a, v).ToUpperInvariant(), Fault: true),
    ];

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

            var option = Array.Find(Table, o => o.Name == arg) ?? throw new ArgumentException($"unknown option {args[i]}");
            option.Apply(options, faults, arg, Value());
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
          admin         : {host.BaseUrl}/_emulator/info, /_emulator/faults, /_emulator/requests, /_emulator/counters, /_emulator/market/<class>
          market        : {(host.Options.MarketSeed is { } seed ? $"seed {seed}, an auction every {host.Options.MarketStep.TotalSeconds} s" : "fixed prices (use --market-seed <n> to move them)")}
          state         : {(host.Options.DataFile is { } file ? "kept in " + Path.GetFullPath(file) : "in memory (use --data <file> to keep it)")}
        Point rsspot at it (paste):
          rsspot configure --profile emulator --activate --base-url {host.BaseUrl} --oauth-url {host.BaseUrl} --price-data-url {host.BaseUrl} --refresh-token {host.RefreshToken} --org {host.OrganizationName}
        Then try: rsspot regions list; rsspot pricing build --nodes 3. Press Ctrl+C to stop.
        """;

    private static string Lines(bool fault) =>
        string.Join("\n", Table.Where(o => o.Fault == fault).Select(o => "  " + (o.Name + " " + o.Value).PadRight(24) + " " + o.Help));

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

    private sealed record CommandLineOption(string Name, string Value, string Help, Action<EmulatorOptions, FaultSettings, string, string> Apply, bool Fault = false);
}
