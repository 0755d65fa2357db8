using Rsspot.State;

namespace Rsspot.Configuration;

/// <summary>
/// The outcome of <see cref="ConfigResolver.Resolve"/>: the config, where it came from, and the environment it
/// was resolved against, from which <see cref="EffectiveProfile"/>s are built.
/// </summary>
public sealed class ResolvedConfig
{
    private readonly string? _explicitStatePath;

    internal ResolvedConfig(RsspotConfig config, ConfigSource source, ConfigFile? file, ConfigPaths paths, ConfigEnvironment environment, string? explicitStatePath)
    {
        Config = config;
        Source = source;
        File = file;
        Paths = paths;
        Environment = environment;
        _explicitStatePath = explicitStatePath;
    }

    /// <summary>The config (file schema, before defaults and environment overrides).</summary>
    public RsspotConfig Config { get; }

    /// <summary>Which source won, with its path.</summary>
    public ConfigSource Source { get; }

    /// <summary>The file's document tree (unknown keys included), or <see langword="null"/> without a file.</summary>
    public ConfigFile? File { get; }

    /// <summary>The well-known paths under the home directory used.</summary>
    public ConfigPaths Paths { get; }

    /// <summary>The environment overrides are read from.</summary>
    public ConfigEnvironment Environment { get; }

    /// <summary>The file that <c>rsspot configure</c> and preference commands should write.</summary>
    public string WritablePath => Source.Path ?? Paths.DefaultConfigFile;

    /// <summary>The profile names defined in the config.</summary>
    public IReadOnlyCollection<string> ProfileNames => [.. Config.Profiles.Keys];

    /// <summary>
    /// The state.db path: explicit &gt; config <c>state_path</c> (relative to the config's directory) &gt;
    /// <c>&lt;config dir&gt;/state.db</c> &gt; <c>~/.config/rsspot/state.db</c>.
    /// </summary>
    /// <exception cref="ConfigException">There is no place for it (see <see cref="StateInMemory"/>).</exception>
    public string StatePath => StatePaths.Resolve(_explicitStatePath, Config.StatePath, Source.Path, Paths);

    /// <summary>
    /// True when state.db has no place: no config file, no <c>state_path</c>, no explicit path and no home directory
    /// (configuration wholly from environment variables). The state then lives in memory for one run.
    /// </summary>
    public bool StateInMemory =>
        string.IsNullOrWhiteSpace(_explicitStatePath) && string.IsNullOrWhiteSpace(Config.StatePath) && Source.Path is null && Paths.ConfigDirectory is null;

    /// <summary>
    /// The profile to use: <paramref name="explicitProfile"/> &gt; <c>RSSPOT_PROFILE</c> / <c>SPOT_PROFILE</c>
    /// &gt; <c>active_profile</c> &gt; <c>default_profile</c> &gt; <c>preferences.default_profile</c> &gt; <c>default</c>.
    /// </summary>
    /// <param name="explicitProfile">A profile chosen by the caller.</param>
    /// <returns>The name and whether anything selected it (false for the implicit <c>default</c>).</returns>
    public (string Name, string? SelectedBy) SelectProfile(string? explicitProfile = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitProfile))
        {
            return (explicitProfile, "the caller");
        }

        if (Environment.First(EnvironmentVariables.Profile) is var (variable, value))
        {
            return (value, variable);
        }

        if (!string.IsNullOrWhiteSpace(Config.ActiveProfile))
        {
            return (Config.ActiveProfile, ConfigKeys.ActiveProfile);
        }

        if (!string.IsNullOrWhiteSpace(Config.DefaultProfile))
        {
            return (Config.DefaultProfile, ConfigKeys.DefaultProfile);
        }

        if (!string.IsNullOrWhiteSpace(Config.Preferences.DefaultProfile))
        {
            return (Config.Preferences.DefaultProfile, ConfigKeys.Preferences + "." + ConfigKeys.DefaultProfile);
        }

        return ("default", null);
    }

    /// <summary>Builds the effective profile: file values, inherited defaults, then environment overrides.</summary>
    /// <param name="explicitProfile">A profile chosen by the caller; see <see cref="SelectProfile"/>.</param>
    /// <returns>The immutable effective profile.</returns>
    /// <exception cref="ConfigException">The selected profile does not exist, or an environment value is bad.</exception>
    public EffectiveProfile GetProfile(string? explicitProfile = null) => GetProfile(explicitProfile, overrides: null);

    /// <summary>The effective profile with <paramref name="overrides"/> winning over the environment and the file.</summary>
    internal EffectiveProfile GetProfile(string? explicitProfile, ProfileConfig? overrides)
    {
        (string name, string? selectedBy) = SelectProfile(explicitProfile);
        if (!Config.Profiles.TryGetValue(name, out ProfileConfig? profile))
        {
            // With nothing selecting a profile, an absent "default" means "environment and defaults only".
            if (selectedBy is not null)
            {
                throw UnknownProfile(name, selectedBy);
            }

            profile = new ProfileConfig();
        }

        ProfileUrls.ValidateFile(profile, name, Source.Path);
        return new EffectiveProfileBuilder(Config, Environment).Build(name, profile, StateInMemory ? null : StatePath, overrides);
    }

    private ConfigException UnknownProfile(string name, string selectedBy)
    {
        string known = Config.Profiles.Count == 0 ? "none are defined" : "defined: " + string.Join(", ", Config.Profiles.Keys.Order(StringComparer.Ordinal));
        string where = Source.Path is null ? "the config" : $"config file '{Source.Path}'";
        return new ConfigException(
            $"Profile '{name}' (selected by {selectedBy}) does not exist in {where} ({known}). Fix: pick an existing profile, or create profile '{name}' first.",
            Source.Path,
            ConfigKeys.Profiles + "." + name);
    }
}
