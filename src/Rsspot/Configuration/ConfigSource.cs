namespace Rsspot.Configuration;

/// <summary>The source that won config resolution.</summary>
/// <param name="Kind">Which kind of source.</param>
/// <param name="Path">The config file read (for a migrated legacy file: the new file), or <see langword="null"/>.</param>
/// <param name="EnvironmentVariable">The variable that named the file, for <see cref="ConfigSourceKind.EnvironmentPath"/>.</param>
/// <param name="LegacyPath">The legacy file, for <see cref="ConfigSourceKind.MigratedLegacy"/>.</param>
public sealed record ConfigSource(ConfigSourceKind Kind, string? Path, string? EnvironmentVariable = null, string? LegacyPath = null)
{
    /// <summary>A one-line description for <c>rsspot config info</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        return Kind switch
        {
            ConfigSourceKind.None => "none (defaults and environment)",
            ConfigSourceKind.Runtime => "runtime object",
            ConfigSourceKind.EnvironmentPath => $"{Path} (from {EnvironmentVariable})",
            ConfigSourceKind.MigratedLegacy => $"{Path} (migrated from {LegacyPath})",
            _ => Path ?? Kind.ToString(),
        };
    }
}
