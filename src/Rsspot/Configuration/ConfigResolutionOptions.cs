namespace Rsspot.Configuration;

/// <summary>Inputs of config resolution; everything is optional.</summary>
public sealed record ConfigResolutionOptions
{
    /// <summary>A config built in code; wins over every file.</summary>
    public RsspotConfig? RuntimeConfig { get; init; }

    /// <summary>An explicit config file; wins over the environment and default paths.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>An explicit state.db path; wins over the config's <c>state_path</c>.</summary>
    public string? StatePath { get; init; }

    /// <summary>The home directory to look in; the current user's when <see langword="null"/>.</summary>
    public string? HomeDirectory { get; init; }

    /// <summary>The environment to read; the process environment when <see langword="null"/>.</summary>
    public ConfigEnvironment? Environment { get; init; }

    /// <summary>Whether a legacy <c>~/.spot_config</c> is migrated when no newer config exists (default true).</summary>
    public bool MigrateLegacy { get; init; } = true;

    /// <summary>The clock used for migration backup names; the system clock when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
