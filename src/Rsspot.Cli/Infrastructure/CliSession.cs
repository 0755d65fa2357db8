using System.CommandLine;
using Rsspot.Cli.Output;
using Rsspot.Configuration;
using Rsspot.Http;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// One invocation: the parse result, the console, and the SpotClient (created only when a command needs it,
/// so <c>--version</c>, <c>--help</c> and local commands never resolve config or open state.db).
/// </summary>
internal sealed class CliSession : IDisposable
{
    private SpotClient? _client;
    private State.StateStore? _state;
    private OutputWriter? _output;
    private ArgumentRedactor? _redactor;
    private bool _stateProblemReported;
    private bool _exposureChecked;

    public CliSession(CliHost host)
    {
        Out = host.Out;
        Err = host.Error;
        In = host.In;
        Terminal = host.Terminal;
        Environment = host.Environment;
        Keys = host.Keys;
        Interrupts = host.Interrupts;
        ByteStreams = host.ByteStreams;
    }

    /// <summary>A session on the given streams and this process's environment (to build the command tree alone).</summary>
    public CliSession(TextWriter output, TextWriter error, TextReader input, Terminal terminal)
        : this(new CliHost(output, error, input, terminal, CliEnvironment.Process, new TextKeyReader(input)))
    {
    }

    public GlobalOptions Globals { get; } = new();

    /// <summary>Signal handling of this process (null in-process, e.g. in tests of the command tree).</summary>
    public Interrupts? Interrupts { get; }

    /// <summary>The environment variables of this invocation (never read from the process directly).</summary>
    public CliEnvironment Environment { get; }

    /// <summary>Stdin and stdout as bytes (<see cref="CliHost.ByteStreams"/>); null: this process's own.</summary>
    public (Stream Input, Stream Output)? ByteStreams { get; }

    /// <summary>Hidden key input for prompts.</summary>
    public IKeyReader Keys { get; }

    public TextWriter Out { get; }

    public TextWriter Err { get; }

    public TextReader In { get; }

    public Terminal Terminal { get; }

    public ParseResult Parse { get; set; } = null!;

    /// <summary>The arguments as typed.</summary>
    public IReadOnlyList<string> Args { get; set; } = [];

    /// <summary>Masks the secrets this invocation knows (config, environment, arguments) in arguments and text.</summary>
    public ArgumentRedactor Redactor => _redactor ??= new ArgumentRedactor(KnownSecrets.Collect(Args, _client?.Resolved ?? TryResolveConfig()));

    /// <summary>True once a command's action started (help, version and completion directives are not recorded).</summary>
    public bool CommandRan { get; set; }

    public bool Verbose => Parse.GetValue(Globals.Verbose);

    public string? ConfigFile => Parse.GetValue(Globals.ConfigFile);

    public string? ProfileName => Parse.GetValue(Globals.Profile);

    public string? Region => Parse.GetValue(Globals.Region);

    public OutputWriter Output => _output ??= new OutputWriter(
        Out,
        Terminal,
        OutputChoice.Resolve(Parse.GetValue(Globals.Output), Environment.Get(OutputChoice.EnvironmentVariable), ConfiguredOutput, Terminal),
        Shape);

    /// <summary>Whose JSON/YAML shapes this invocation prints.</summary>
    public OutputShape Shape => OutputShapeChoice.Resolve(Parse.GetValue(Globals.Raw), Environment.Get(OutputShapeChoice.EnvironmentVariable), Parse);

    /// <summary>
    /// The writer for <c>pricing list</c> and <c>pricing build</c>: in the Python rsspot's shape they print a table
    /// unless a format is asked for (<c>-o</c>, RSSPOT_OUTPUT or the config's <c>output</c>), piped or not, as it does.
    /// </summary>
    public OutputWriter TableUnlessAsked =>
        Shape == OutputShape.Python && Parse.GetValue(Globals.Output) is null
        && string.IsNullOrWhiteSpace(Environment.Get(OutputChoice.EnvironmentVariable)) && ConfiguredOutput() is not { Length: > 0 }
            ? new OutputWriter(Out, Terminal, OutputFormat.Table, Shape)
            : Output;

    public bool HasClient => _client is not null;

    public SpotClient Client => _client ??= CreateClient();

    /// <summary>The config file that profile and preference edits write.</summary>
    public string WritableConfigPath() => ConfigFile ?? ResolveConfig().WritablePath;

    /// <summary>The config as resolved for this invocation (for config and profile commands).</summary>
    public ResolvedConfig ResolveConfig(bool migrateLegacy = true)
    {
        var resolved = ConfigResolver.Resolve(new ConfigResolutionOptions { ConfigPath = ConfigFile, MigrateLegacy = migrateLegacy, Environment = Environment.ForConfig, HomeDirectory = Environment.HomeDirectory });
        WarnIfExposed(resolved);
        return resolved;
    }

    /// <summary>
    /// Warns once (as ssh and kubectl do) when the config file can be written by others, or holds a token and can be
    /// read by others.
    /// </summary>
    private void WarnIfExposed(ResolvedConfig resolved)
    {
        if (_exposureChecked || OperatingSystem.IsWindows() || resolved.Source.Path is not { } path)
        {
            return;
        }

        _exposureChecked = true;
        UnixFileMode mode;
        try
        {
            mode = File.GetUnixFileMode(Rsspot.Security.AtomicFile.FinalTarget(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        const UnixFileMode othersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        const UnixFileMode othersRead = UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var holdsToken = resolved.Config.Profiles.Values.Any(p => p.RefreshToken is { Length: > 0 } || p.AccessToken is { Length: > 0 });
        var exposed = (mode & othersWrite) != 0 ? "writable" : holdsToken && (mode & othersRead) != 0 ? "readable" : null;
        if (exposed is not null)
        {
            var octal = Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
            Err.WriteLine($"warning: config file '{path}' {(holdsToken ? "holds a refresh token and " : string.Empty)}is {exposed} by other users (mode {octal}). Fix: chmod 600 '{path}'");
        }
    }

    /// <summary>The config file's <c>output</c>; a config that cannot be read leaves the choice to the terminal (commands that need it report the problem).</summary>
    private string? ConfiguredOutput()
    {
        if (_client is not null)
        {
            return _client.Resolved.Config.Output;
        }

        try
        {
            return ResolveConfig(migrateLegacy: false).Config.Output;
        }
        catch (Exception ex) when (ex is SpotException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Opens state.db of this invocation (config errors propagate).</summary>
    public State.StateStore OpenState()
    {
        var resolved = _client?.Resolved ?? ResolveConfig();
        var path = (_client?.Profile ?? resolved.GetProfile(ProfileName)).StatePath;
        if (path is null && resolved.StateInMemory)
        {
            WarnStateInMemory();
            return State.StateStore.OpenInMemory();
        }

        return State.StateStore.Open(path ?? resolved.StatePath);
    }

    /// <summary>The state.db path of this invocation, without opening it (config errors propagate).</summary>
    public string StatePath()
    {
        var resolved = _client?.Resolved ?? ResolveConfig();
        return (_client?.Profile ?? resolved.GetProfile(ProfileName)).StatePath ?? resolved.StatePath;
    }

    /// <summary>The state.db the client's cache already uses (history goes there too), or null when none is open.</summary>
    public State.StateStore? OpenedState => _state;

    /// <summary>state.db of this invocation, or null when config cannot be resolved.</summary>
    public string? TryStatePath()
    {
        if (_client is not null)
        {
            return _client.Profile.StatePath ?? _client.Resolved.StatePath;
        }

        try
        {
            var resolved = ResolveConfig(migrateLegacy: false);
            return resolved.GetProfile(ProfileName).StatePath ?? resolved.StatePath;
        }
        catch (Exception ex) when (ex is SpotException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reports, once per invocation, that state.db could not be used for something optional (cache, history), with
    /// the file and the fix; the command itself goes on.
    /// </summary>
    public void ReportStateProblem(State.StateStoreException problem)
    {
        if (_stateProblemReported)
        {
            return;
        }

        _stateProblemReported = true;
        Err.WriteLine($"warning: {Redactor.RedactText(problem.Message)} The cache and the command history are skipped; 'rsspot config state repair' salvages what it can, 'rsspot config state reset' starts afresh.");
    }

    /// <summary>Marks a state problem as already reported (the command failed with it).</summary>
    public void StateProblemShown() => _stateProblemReported = true;

    /// <summary>
    /// Asks before a destructive step. <paramref name="yes"/> skips the question; without a terminal to ask on,
    /// refuses (exit 2) and says to pass --yes, unless <paramref name="unattendedAsPython"/>: the command was typed
    /// in the Python rsspot's form, which never asks, so a script written for it goes on (and says so on stderr).
    /// </summary>
    public void Confirm(string question, bool yes, bool unattendedAsPython = false)
    {
        if (yes)
        {
            return;
        }

        if (!Terminal.StdinIsTerminal && unattendedAsPython)
        {
            Err.WriteLine($"{question}: not asked, as stdin is not a terminal and this form of the command never asks in the Python rsspot.");
            return;
        }

        if (!Terminal.StdinIsTerminal)
        {
            throw new CliUsageException($"{question} needs confirmation: pass --yes (stdin is not a terminal, so rsspot cannot ask).");
        }

        Err.Write($"{question}? [y/N] ");
        var answer = Prompt(() => In.ReadLine()?.Trim());
        if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotConfirmedException("Not confirmed; nothing was changed.");
        }
    }

    /// <summary>Reads a prompt's answer; a signal meanwhile stops the process at once (a read cannot be cancelled).</summary>
    public T Prompt<T>(Func<T> read)
    {
        if (Interrupts is { } interrupts)
        {
            interrupts.Prompting = true;
        }

        try
        {
            return read();
        }
        finally
        {
            if (Interrupts is { } done)
            {
                done.Prompting = false;
            }

            TerminalModes.Restore();
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _state?.Dispose();
    }

    private SpotClient CreateClient()
    {
        // Config errors surface here exactly as from the client, which resolves the same config.
        var resolved = ResolveConfig();
        var profile = resolved.GetProfile(ProfileName);
        _redactor ??= new ArgumentRedactor(KnownSecrets.Collect(Args, resolved));
        _state = profile.StatePath is null && resolved.StateInMemory ? InMemoryState() : TryOpenState(profile.StatePath ?? resolved.StatePath);
        var options = new SpotClientOptions
        {
            ConfigPath = ConfigFile,
            Profile = ProfileName,
            Org = Parse.GetValue(Globals.Org),
            Region = Region,
            NoCache = Parse.GetValue(Globals.NoCache),
            StateStore = _state,
            Environment = Environment.Variables,
            HomeDirectory = Environment.HomeDirectory,
        };
        if (Verbose)
        {
            var redactor = _redactor;
            options = options with { PerAttemptHandlers = [() => new VerboseHttpLog(Err, redactor)] };
        }

        return new SpotClient(options);
    }

    private State.StateStore InMemoryState()
    {
        WarnStateInMemory();
        return State.StateStore.OpenInMemory();
    }

    private void WarnStateInMemory()
    {
        if (_stateProblemReported)
        {
            return;
        }

        _stateProblemReported = true;
        Err.WriteLine("warning: there is no home directory and no config file, so the cache and the command history are kept in memory for this run only. Set HOME, or RSSPOT_CONFIG to a config file (state.db goes beside it), to keep them.");
    }

    /// <summary>Opens state.db once for the cache and the history; when it cannot be opened the problem is reported and the client skips the cache.</summary>
    private State.StateStore? TryOpenState(string path)
    {
        try
        {
            return State.StateStore.Open(path);
        }
        catch (State.StateStoreException ex)
        {
            ReportStateProblem(ex);
            return null;
        }
    }

    private ResolvedConfig? TryResolveConfig()
    {
        try
        {
            return ResolveConfig(migrateLegacy: false);
        }
        catch (Exception ex) when (ex is SpotException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
