namespace Rsspot.Configuration;

/// <summary>
/// Finds the config to use: runtime object &gt; explicit path &gt; <c>RSSPOT_CONFIG</c> /
/// <c>RSSPOT_CONFIG_FILE</c> / <c>SPOT_CONFIG_FILE</c> &gt; <c>~/.config/rsspot/config.{yml,yaml,toml,json}</c>
/// &gt; legacy <c>~/.spot_config</c> (migrated to <c>~/.config/rsspot/config.yaml</c> on first use).
/// </summary>
public static class ConfigResolver
{
    /// <summary>Resolves the config.</summary>
    /// <param name="options">Inputs; defaults when <see langword="null"/>.</param>
    /// <returns>The config, the source that won, and the means to build an <see cref="EffectiveProfile"/>.</returns>
    /// <exception cref="ConfigException">A named file is missing or invalid, or an environment value is bad.</exception>
    public static ResolvedConfig Resolve(ConfigResolutionOptions? options = null)
    {
        options ??= new ConfigResolutionOptions();
        ConfigEnvironment environment = options.Environment ?? ConfigEnvironment.Process;
        var paths = new ConfigPaths(options.HomeDirectory);

        if (options.RuntimeConfig is not null)
        {
            return new ResolvedConfig(options.RuntimeConfig, new ConfigSource(ConfigSourceKind.Runtime, null), null, paths, environment, options.StatePath);
        }

        if (!string.IsNullOrWhiteSpace(options.ConfigPath))
        {
            string path = paths.Expand(options.ConfigPath, Directory.GetCurrentDirectory());
            RequireExists(path, "the config path given", null);
            return FromFile(path, new ConfigSource(ConfigSourceKind.ExplicitPath, path), paths, environment, options.StatePath);
        }

        if (environment.First(EnvironmentVariables.ConfigPath) is var (variable, value))
        {
            string path = paths.Expand(value, Directory.GetCurrentDirectory());
            RequireExists(path, $"the environment variable {variable}", variable);
            return FromFile(path, new ConfigSource(ConfigSourceKind.EnvironmentPath, path, variable), paths, environment, options.StatePath);
        }

        string? defaultFile = paths.FindDefaultConfigFile();
        if (defaultFile is not null)
        {
            return FromFile(defaultFile, new ConfigSource(ConfigSourceKind.DefaultPath, defaultFile), paths, environment, options.StatePath);
        }

        if (paths.LegacyConfigFile is { } legacy && File.Exists(legacy))
        {
            if (!options.MigrateLegacy)
            {
                return FromFile(legacy, new ConfigSource(ConfigSourceKind.DefaultPath, legacy), paths, environment, options.StatePath);
            }

            LegacyMigrationResult migration = LegacyConfigMigrator.Migrate(legacy, paths.DefaultConfigFile, options.TimeProvider);
            var source = new ConfigSource(ConfigSourceKind.MigratedLegacy, migration.TargetPath, LegacyPath: legacy);
            return FromFile(migration.TargetPath, source, paths, environment, options.StatePath);
        }

        return new ResolvedConfig(new RsspotConfig(), new ConfigSource(ConfigSourceKind.None, null), null, paths, environment, options.StatePath);
    }

    private static ResolvedConfig FromFile(string path, ConfigSource source, ConfigPaths paths, ConfigEnvironment environment, string? statePath)
    {
        ConfigFile file = ConfigFile.Load(path);
        return new ResolvedConfig(file.ToConfig(), source, file, paths, environment, statePath);
    }

    private static void RequireExists(string path, string origin, string? variable)
    {
        if (Security.BoundedFile.KindOf(path) == Security.FileKind.Directory)
        {
            throw new ConfigException(
                $"Config file '{path}' (named by {origin}) is a directory. Fix: name the config file itself, e.g. '{Path.Combine(path, "config.yaml")}'.",
                path,
                variable);
        }

        if (!File.Exists(path))
        {
            throw new ConfigException(
                $"Config file '{path}' (named by {origin}) does not exist. Fix: correct the path, or create the file.",
                path,
                variable);
        }
    }
}
