using Rsspot.Configuration;

namespace Rsspot.State;

/// <summary>Where state.db lives.</summary>
public static class StatePaths
{
    /// <summary>The file name of the state database.</summary>
    public const string FileName = "state.db";

    /// <summary>
    /// Resolves the state.db path: <paramref name="explicitPath"/> &gt; the config's <c>state_path</c>
    /// (relative to the config file's directory, <c>~</c> expanded) &gt; <c>&lt;config dir&gt;/state.db</c>
    /// &gt; <c>~/.config/rsspot/state.db</c>.
    /// </summary>
    /// <param name="explicitPath">A path given by the caller.</param>
    /// <param name="configStatePath">The config's <c>state_path</c>.</param>
    /// <param name="configFilePath">The config file in use, if any.</param>
    /// <param name="paths">The well-known paths (home directory).</param>
    /// <returns>The full path.</returns>
    /// <exception cref="ConfigException">There is neither a config file nor a home directory to put state.db beside.</exception>
    public static string Resolve(string? explicitPath, string? configStatePath, string? configFilePath, ConfigPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return paths.Expand(explicitPath, Directory.GetCurrentDirectory());
        }

        string configDirectory = configFilePath is null
            ? paths.ConfigDirectory ?? throw new ConfigException(ConfigPaths.NoHomeAdvice)
            : Path.GetDirectoryName(Path.GetFullPath(configFilePath))!;

        if (!string.IsNullOrWhiteSpace(configStatePath))
        {
            return paths.Expand(configStatePath, configDirectory);
        }

        return Path.Combine(configDirectory, FileName);
    }
}
