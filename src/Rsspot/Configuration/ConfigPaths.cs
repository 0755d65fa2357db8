namespace Rsspot.Configuration;

/// <summary>The well-known config locations under one home directory.</summary>
public sealed class ConfigPaths
{
    /// <summary>File names tried in the config directory, in order.</summary>
    public static IReadOnlyList<string> DefaultFileNames { get; } = ["config.yml", "config.yaml", "config.toml", "config.json"];

    /// <summary>Creates the paths for a home directory.</summary>
    /// <param name="homeDirectory">The home directory; the current user's when <see langword="null"/>.</param>
    public ConfigPaths(string? homeDirectory = null)
    {
        HomeDirectory = Path.GetFullPath(homeDirectory ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
        ConfigDirectory = Path.Combine(HomeDirectory, ".config", "rsspot");
    }

    /// <summary>The home directory.</summary>
    public string HomeDirectory { get; }

    /// <summary><c>~/.config/rsspot</c>.</summary>
    public string ConfigDirectory { get; }

    /// <summary><c>~/.config/rsspot/config.yaml</c>: where new and migrated configs are written.</summary>
    public string DefaultConfigFile => Path.Combine(ConfigDirectory, "config.yaml");

    /// <summary><c>~/.config/rsspot/state.db</c>.</summary>
    public string DefaultStateFile => Path.Combine(ConfigDirectory, "state.db");

    /// <summary><c>~/.spot_config</c>, the legacy flat file.</summary>
    public string LegacyConfigFile => Path.Combine(HomeDirectory, ".spot_config");

    /// <summary>The first existing <c>~/.config/rsspot/config.{yml,yaml,toml,json}</c>, or <see langword="null"/>.</summary>
    /// <returns>The path or <see langword="null"/>.</returns>
    public string? FindDefaultConfigFile()
    {
        return DefaultFileNames.Select(n => Path.Combine(ConfigDirectory, n)).FirstOrDefault(File.Exists);
    }

    /// <summary>Expands a leading <c>~</c> against <see cref="HomeDirectory"/> and makes the path absolute.</summary>
    /// <param name="path">The path as written.</param>
    /// <param name="relativeTo">Directory that relative paths are relative to.</param>
    /// <returns>The full path.</returns>
    public string Expand(string path, string relativeTo)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~")
        {
            return HomeDirectory;
        }

        if (path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            return Path.GetFullPath(Path.Combine(HomeDirectory, path[2..]));
        }

        return Path.GetFullPath(path, relativeTo);
    }
}
