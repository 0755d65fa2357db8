using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Configuration;

/// <summary>
/// Converts a legacy <c>~/.spot_config</c> (a flat YAML/JSON/TOML file, often without extension) into the
/// current schema (profile <c>default</c>) and writes it as YAML. The legacy file is never modified.
/// </summary>
public static class LegacyConfigMigrator
{
    /// <summary>
    /// Migrates <paramref name="legacyPath"/> to <paramref name="targetPath"/>: atomically, mode 0600, backing up
    /// an existing different target to <c>&lt;target&gt;.bak.&lt;UTC timestamp&gt;</c>; a target that already has the
    /// migrated content is left alone, so migrating twice changes nothing.
    /// </summary>
    /// <param name="legacyPath">The legacy file.</param>
    /// <param name="targetPath">The new file, normally <c>~/.config/rsspot/config.yaml</c>.</param>
    /// <param name="timeProvider">Clock for the backup name; the system clock when <see langword="null"/>.</param>
    /// <returns>What happened.</returns>
    /// <exception cref="ConfigException">The legacy file is unreadable or invalid.</exception>
    public static LegacyMigrationResult Migrate(string legacyPath, string targetPath, TimeProvider? timeProvider = null)
    {
        ConfigFile legacy = ConfigFile.Load(legacyPath);
        legacy.ToConfig(); // validates; a broken legacy file is reported, not half-migrated
        string text = ConfigCodecs.Serialize(Convert(legacy.Document), ConfigFormat.Yaml);

        string target = Path.GetFullPath(targetPath);
        string? backup = null;
        if (File.Exists(target))
        {
            if (BoundedFile.ReadAllText(target) == text)
            {
                return new LegacyMigrationResult(target, false, null);
            }

            string stamp = (timeProvider ?? TimeProvider.System).GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            backup = target + ".bak." + stamp;
            AtomicFile.WriteAllBytes(backup, File.ReadAllBytes(target));
        }

        AtomicFile.WriteAllText(target, text);
        return new LegacyMigrationResult(target, true, backup);
    }

    /// <summary>The current-schema document for a legacy document (a flat file becomes profile <c>default</c>).</summary>
    /// <param name="legacy">The legacy document; not modified.</param>
    /// <returns>A new document.</returns>
    public static JsonObject Convert(JsonObject legacy)
    {
        ArgumentNullException.ThrowIfNull(legacy);
        if (!ConfigSchemaReader.IsLegacyFlat(legacy))
        {
            return (JsonObject)legacy.DeepClone();
        }

        var profile = new JsonObject();
        foreach ((string key, JsonNode? value) in legacy)
        {
            profile[ConfigKeys.Canonical(key)] = value?.DeepClone();
        }

        return new JsonObject
        {
            [ConfigKeys.Version] = 1,
            [ConfigKeys.DefaultProfile] = "default",
            [ConfigKeys.Profiles] = new JsonObject { ["default"] = profile },
        };
    }
}
