namespace Rsspot.Configuration;

/// <summary>Where the config in use came from.</summary>
public enum ConfigSourceKind
{
    /// <summary>No config file: built-in defaults and environment variables only.</summary>
    None,

    /// <summary>A <see cref="RsspotConfig"/> object passed in code.</summary>
    Runtime,

    /// <summary>A path passed explicitly by the caller.</summary>
    ExplicitPath,

    /// <summary>A path from <c>RSSPOT_CONFIG</c>, <c>RSSPOT_CONFIG_FILE</c> or <c>SPOT_CONFIG_FILE</c>.</summary>
    EnvironmentPath,

    /// <summary><c>~/.config/rsspot/config.{yml,yaml,toml,json}</c>.</summary>
    DefaultPath,

    /// <summary>The legacy <c>~/.spot_config</c>, just migrated to <c>~/.config/rsspot/config.yaml</c>.</summary>
    MigratedLegacy,
}
