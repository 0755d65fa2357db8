namespace Rsspot.Configuration;

/// <summary>
/// The well-known config locations under one home directory. A process may have no home (a systemd
/// <c>DynamicUser=</c> service, a container user without a passwd entry, <c>HOME</c> unset): then
/// <c>$XDG_CONFIG_HOME/rsspot</c> is the config directory when that variable holds an absolute path, and otherwise
/// there is none; a config named by <c>-c</c>/<c>RSSPOT_CONFIG</c> or given wholly by environment variables still works.
/// </summary>
public sealed class ConfigPaths
{
    /// <summary>The advice given when a default location is needed and there is no home directory.</summary>
    internal const string NoHomeAdvice = "There is no home directory (HOME is unset, not an absolute path, or names a folder that does not exist), so there is no default config location. Fix: set RSSPOT_CONFIG to a config file, or set HOME or XDG_CONFIG_HOME.";

    /// <summary>File names tried in the config directory, in order.</summary>
    public static IReadOnlyList<string> DefaultFileNames { get; } = ["config.yml", "config.yaml", "config.toml", "config.json"];

    /// <summary>Creates the paths for a home directory.</summary>
    /// <param name="homeDirectory">The home directory; the current user's (if any) when <see langword="null"/>.</param>
    public ConfigPaths(string? homeDirectory = null)
    {
        HomeDirectory = homeDirectory is { Length: > 0 } given ? Path.GetFullPath(given) : CurrentHome();
        ConfigDirectory = HomeDirectory is { } home
            ? Path.Combine(home, ".config", "rsspot")
            : Absolute(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME")) is { } xdg ? Path.Combine(xdg, "rsspot") : null;
    }

    /// <summary>The home directory, or <see langword="null"/> when the process has none.</summary>
    public string? HomeDirectory { get; }

    /// <summary><c>~/.config/rsspot</c> (or <c>$XDG_CONFIG_HOME/rsspot</c> without a home), or <see langword="null"/> when there is neither.</summary>
    public string? ConfigDirectory { get; }

    /// <summary><c>~/.config/rsspot/config.yaml</c>: where new and migrated configs are written.</summary>
    /// <exception cref="ConfigException">There is no home directory.</exception>
    public string DefaultConfigFile => Path.Combine(RequireConfigDirectory(), "config.yaml");

    /// <summary><c>~/.config/rsspot/state.db</c>.</summary>
    /// <exception cref="ConfigException">There is no home directory.</exception>
    public string DefaultStateFile => Path.Combine(RequireConfigDirectory(), "state.db");

    /// <summary><c>~/.spot_config</c>, the legacy flat file, or <see langword="null"/> without a home directory.</summary>
    public string? LegacyConfigFile => HomeDirectory is null ? null : Path.Combine(HomeDirectory, ".spot_config");

    /// <summary>The first existing <c>~/.config/rsspot/config.{yml,yaml,toml,json}</c>, or <see langword="null"/>.</summary>
    /// <returns>The path or <see langword="null"/>.</returns>
    public string? FindDefaultConfigFile()
    {
        return ConfigDirectory is null ? null : DefaultFileNames.Select(n => Path.Combine(ConfigDirectory, n)).FirstOrDefault(File.Exists);
    }

    /// <summary>Expands a leading <c>~</c> against <see cref="HomeDirectory"/> and makes the path absolute.</summary>
    /// <param name="path">The path as written.</param>
    /// <param name="relativeTo">Directory that relative paths are relative to.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="ConfigException">The path starts with <c>~</c> and there is no home directory.</exception>
    public string Expand(string path, string relativeTo)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            var home = HomeDirectory ?? throw new ConfigException($"The path '{path}' starts with '~', but there is no home directory to expand it against. Fix: write the path in full, or set HOME.");
            return path.Length == 1 ? home : Path.GetFullPath(Path.Combine(home, path[2..]));
        }

        return Path.GetFullPath(path, relativeTo);
    }

    private string RequireConfigDirectory() => ConfigDirectory ?? throw new ConfigException(NoHomeAdvice);

    private static string? CurrentHome()
    {
        try
        {
            // A home that is not an absolute path or does not exist (HOME=/nonexistent, a DynamicUser= service) is none.
            return Absolute(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify)) is { } home && Directory.Exists(home) ? home : null;
        }
        catch (Exception ex) when (ex is ArgumentException or PlatformNotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Absolute(string? path) => path is { Length: > 0 } && Path.IsPathFullyQualified(path) ? Path.GetFullPath(path) : null;
}
