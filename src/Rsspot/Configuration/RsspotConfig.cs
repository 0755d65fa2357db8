namespace Rsspot.Configuration;

/// <summary>
/// The config file schema shared with the Python rsspot: profiles, preferences and the top-level retry and
/// cache defaults. Unset values are <see langword="null"/>; defaults apply when an
/// <see cref="EffectiveProfile"/> is built. Can be built in code and passed as the runtime config.
/// </summary>
public sealed record RsspotConfig
{
    /// <summary>Schema version written by the tool that saved the file (informational).</summary>
    public int? Version { get; init; }

    /// <summary>The profile used when nothing else selects one (after <see cref="ActiveProfile"/>).</summary>
    public string? DefaultProfile { get; init; }

    /// <summary>The profile chosen with <c>rsspot profiles use</c>.</summary>
    public string? ActiveProfile { get; init; }

    /// <summary>Where state.db lives; relative paths are relative to the config file's directory.</summary>
    public string? StatePath { get; init; }

    /// <summary>
    /// Preferred output of the rsspot tool (<c>json</c>, <c>yaml</c> or <c>table</c>); unset means a table on a
    /// terminal and JSON otherwise. The SDK itself does not use it.
    /// </summary>
    internal string? Output { get; init; }

    /// <summary>Profiles by name.</summary>
    public IReadOnlyDictionary<string, ProfileConfig> Profiles { get; init; } = new Dictionary<string, ProfileConfig>(StringComparer.Ordinal);

    /// <summary>User preferences (default profile/org/region, per-profile org and region).</summary>
    public PreferencesConfig Preferences { get; init; } = new();

    /// <summary>Retry defaults every profile inherits.</summary>
    public RetryConfig Retry { get; init; } = new();

    /// <summary>Cache defaults every profile inherits.</summary>
    public CacheConfig Cache { get; init; } = new();
}
