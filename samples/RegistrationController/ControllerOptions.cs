namespace RegistrationController;

/// <summary>Where the Spot API is: an in-process emulator, a running emulator, or a real account.</summary>
internal enum ApiMode
{
    InProcessEmulator,
    RunningEmulator,
    Account,
}

/// <summary>The command line of the controller.</summary>
internal sealed record ControllerOptions
{
    public const string Usage = """
        Registers Spot VMs with an external system (a fake Omni here), one ledger transition per output line.

        Usage: RegistrationController [options]

        State and behaviour
          --state <path>            state.db holding the registration ledger (default: ./registration-state.db)
          --postgres <connection>   keep the ledger in PostgreSQL instead, shared by replicas on several machines
                                    (an Npgsql connection string; default: env RSSPOT_LEDGER_POSTGRES, which
                                    keeps the password out of the process list)
          --schema <name>           the PostgreSQL schema of the ledger (default: rsspot)
          --worker-id <id>          this worker's id; a restart with the same id resumes its own claims at once
                                    (default: <machine>-controller)
          --lease-seconds <n>       how long a claim lasts without renewal (default: 15)
          --batch <n>               records claimed per round (default: 10)
          --max-attempts <n>        failures since a VM was discovered before it is skipped (default: 8); a failed
                                    VM waits 5 s, 10 s, 20 s ... up to 5 min (with jitter) before its next attempt
          --step-delay-ms <n>       pause before each step, to watch it or to kill it mid-way (default: 0)
          --round-delay-ms <n>      pause between rounds (default: 1000)
          --watch                   keep running (SIGTERM or Ctrl+C stops it, exit 0); otherwise exit once every VM
                                    is registered or skipped. Ledger, API and external-system errors never end it:
                                    it backs off (0.5 s doubling to 10 s, with jitter) and carries on
          --cluster <name>          the external cluster the VMs join (default: sample-cluster)
          --omni-journal <path>     the fake external system's storage (default: <state>.omni.jsonl)
          --fail-submits <n>        make the first n submits of this run fail, to see failures retried (default: 0)
          --omni-latency-ms <n>     how long each call to the external system takes, as a real orchestrator's
                                    round trip does (default: 0; --omni-delay-ms is the same option)

        Spot API (default: an emulator started in this process)
          --emulator-url <url>      use an emulator that is already running (dotnet run --project src/Rsspot.Emulator);
                                    --org and --refresh-token default to the emulator's
          --emulator-data <file>    persist the in-process emulator's state in a file
          --use-config              use the normal rsspot config (profile, env, ~/.config/rsspot) for a real account
          --profile <name>, --config <file>, --base-url <url>, --oauth-url <url>, --refresh-token <token>, --org <org>
                                    account settings; any of them implies --use-config

        Examples
          RegistrationController --state /tmp/reg.db --step-delay-ms 500
          RegistrationController --state /tmp/reg.db --emulator-url http://127.0.0.1:5080 --watch
          RegistrationController --state ~/.config/rsspot/state.db --profile prod --org my-org --watch
          RSSPOT_LEDGER_POSTGRES="Host=db;Database=spot;Username=ctl;Password=..." RegistrationController --worker-id a --watch
        """;

    public string StatePath { get; init; } = Path.GetFullPath("registration-state.db");

    public string? Postgres { get; init; } = Environment.GetEnvironmentVariable("RSSPOT_LEDGER_POSTGRES") is { Length: > 0 } value ? value : null;

    public string Schema { get; init; } = "rsspot";

    public string WorkerId { get; init; } = Environment.MachineName.ToLowerInvariant() + "-controller";

    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(15);

    public int Batch { get; init; } = 10;

    public int MaxAttempts { get; init; } = 8;

    public TimeSpan StepDelay { get; init; } = TimeSpan.Zero;

    public TimeSpan RoundDelay { get; init; } = TimeSpan.FromSeconds(1);

    public bool Watch { get; init; }

    public string Cluster { get; init; } = "sample-cluster";

    public string? OmniJournalPath { get; init; }

    public int FailSubmits { get; init; }

    public TimeSpan OmniDelay { get; init; } = TimeSpan.Zero;

    public bool UseConfig { get; init; }

    /// <summary>A running emulator when its URL is given; else an account when any account setting is; else in-process.</summary>
    public ApiMode Mode =>
        EmulatorUrl is not null ? ApiMode.RunningEmulator
        : UseConfig || Profile is not null || ConfigPath is not null || BaseUrl is not null || RefreshToken is not null || Org is not null ? ApiMode.Account
        : ApiMode.InProcessEmulator;

    public string? EmulatorUrl { get; init; }

    public string? EmulatorDataFile { get; init; }

    public string? Profile { get; init; }

    public string? ConfigPath { get; init; }

    public string? BaseUrl { get; init; }

    public string? OAuthUrl { get; init; }

    public string? RefreshToken { get; init; }

    public string? Org { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>The fake external system's journal: <c>--omni-journal</c>, else beside state.db.</summary>
    public string OmniJournal => OmniJournalPath ?? StatePath + ".omni.jsonl";

    /// <summary>Parses the arguments (<see cref="ControllerCommandLine"/>); throws <see cref="FormatException"/> with a readable message on bad input.</summary>
    public static ControllerOptions Parse(IReadOnlyList<string> args) => ControllerCommandLine.Parse(args);
}
