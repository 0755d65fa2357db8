using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Configuration;

/// <summary>
/// Edits a config file in place for <c>rsspot configure</c>, <c>profiles use|delete</c> and
/// <c>config set-default-*</c>. Edits operate on the document tree, so unknown keys and key order survive;
/// an existing key spelled in camelCase is updated under its own spelling. <see cref="Save"/> writes
/// atomically with mode 0600. A file that cannot be parsed or validated is never overwritten: opening it throws.
/// <see cref="Update"/> does the whole read-modify-write under a lock file beside the config
/// (<c>&lt;config&gt;.lock</c>), so concurrent writers never lose each other's changes.
/// </summary>
public sealed class ConfigStore
{
    private readonly JsonObject _document;

    private ConfigStore(string path, ConfigFormat format, JsonObject document)
    {
        Path = path;
        Format = format;
        _document = document;
    }

    /// <summary>The file this store writes.</summary>
    public string Path { get; }

    /// <summary>The format the file is written in.</summary>
    public ConfigFormat Format { get; }

    /// <summary>
    /// Opens a config file for editing. A missing file starts empty (YAML unless the extension says otherwise);
    /// a legacy flat file is converted to the current schema in memory.
    /// </summary>
    /// <param name="path">The config file.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ConfigException">The existing file is unparsable or invalid.</exception>
    public static ConfigStore Open(string path)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            return new ConfigStore(fullPath, ConfigFormatDetector.FromExtension(fullPath) ?? ConfigFormat.Yaml, new JsonObject { [ConfigKeys.Version] = 1 });
        }

        ConfigFile file = ConfigFile.Load(fullPath);
        file.ToConfig();
        return new ConfigStore(fullPath, file.Format, LegacyConfigMigrator.Convert(file.Document));
    }

    /// <summary>
    /// Locks the config file (waiting up to 2 minutes for another writer), opens it, applies <paramref name="edit"/>
    /// and saves it, all under the lock. When <paramref name="edit"/> throws, nothing is written.
    /// </summary>
    /// <param name="path">The config file.</param>
    /// <param name="edit">The change, made on the freshly read document.</param>
    /// <returns>The saved store.</returns>
    /// <exception cref="ConfigException">The file is invalid, stays locked, or cannot be locked or written.</exception>
    public static ConfigStore Update(string path, Action<ConfigStore> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        string fullPath = System.IO.Path.GetFullPath(path);
        using (ConfigFileLock.Acquire(fullPath, ConfigFileLock.DefaultTimeout))
        {
            ConfigStore store = Open(fullPath);
            edit(store);
            store.Save();
            return store;
        }
    }

    /// <summary>The config as it would be saved now.</summary>
    /// <returns>The parsed config.</returns>
    public RsspotConfig ToConfig()
    {
        return new ConfigSchemaReader(Path).Read(_document);
    }

    /// <summary>A copy of the document with every secret replaced, for printing.</summary>
    /// <returns>The redacted document.</returns>
    public JsonObject ToRedactedDocument()
    {
        return (JsonObject)SecretPolicy.RedactTree(_document)!;
    }

    /// <summary>
    /// Creates or updates a profile; settings left <see langword="null"/> in <paramref name="settings"/> are kept. Its
    /// <see cref="ProfileConfig.Retry"/> and <see cref="ProfileConfig.Cache"/> blocks are not written.
    /// </summary>
    /// <param name="name">The profile name.</param>
    /// <param name="settings">The settings to set.</param>
    public void SaveProfile(string name, ProfileConfig settings)
    {
        RequireName(name);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (ProfileSetting setting in ProfileSettingTable.All)
        {
            if (setting.Kind == ProfileSettingKind.Url)
            {
                ProfileUrls.ValidateUpdate((string?)setting.Get(settings), setting.Key, name);
            }
        }

        JsonObject profile = ChildObject(ChildObject(_document, ConfigKeys.Profiles), name, exactKey: true);
        foreach (ProfileSetting setting in ProfileSettingTable.All)
        {
            if (setting.Get(settings) is { } value)
            {
                Set(profile, setting.Key, value switch
                {
                    bool b => JsonValue.Create(b),
                    double d => JsonValue.Create(d),
                    int i => JsonValue.Create(i),
                    decimal m => JsonValue.Create(m),
                    _ => JsonValue.Create((string)value),
                });
            }
        }
    }

    /// <summary>Creates or updates a profile; fields left <see langword="null"/> in <paramref name="update"/> are kept.</summary>
    /// <param name="name">The profile name.</param>
    /// <param name="update">The fields to set.</param>
    [Obsolete("Use SaveProfile(string, ProfileConfig): one profile shape serves reading, saving and client options.")]
    public void SaveProfile(string name, ProfileUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        SaveProfile(name, update.ToProfileConfig());
    }

    /// <summary>Deletes a profile and every preference that points at it.</summary>
    /// <param name="name">The profile name.</param>
    /// <returns><see langword="false"/> when no such profile existed.</returns>
    public bool DeleteProfile(string name)
    {
        RequireName(name);
        if (Find(_document, ConfigKeys.Profiles) is not JsonObject profiles || !profiles.Remove(name))
        {
            return false;
        }

        foreach (string key in new[] { ConfigKeys.ActiveProfile, ConfigKeys.DefaultProfile })
        {
            RemoveIfEquals(_document, key, name);
        }

        if (Find(_document, ConfigKeys.Preferences) is JsonObject prefs)
        {
            RemoveIfEquals(prefs, ConfigKeys.DefaultProfile, name);
            (Find(prefs, ConfigKeys.ProfileOrgs) as JsonObject)?.Remove(name);
            (Find(prefs, ConfigKeys.ProfileRegions) as JsonObject)?.Remove(name);
        }

        return true;
    }

    /// <summary>Makes a profile the active one (<c>rsspot profiles use</c>).</summary>
    /// <param name="name">An existing profile.</param>
    /// <exception cref="ConfigException">The profile does not exist.</exception>
    public void SetActiveProfile(string name)
    {
        RequireExisting(name, ConfigKeys.ActiveProfile);
        Set(_document, ConfigKeys.ActiveProfile, JsonValue.Create(name));
    }

    /// <summary>Sets <c>preferences.default_profile</c> and <c>default_profile</c>.</summary>
    /// <param name="name">An existing profile.</param>
    /// <exception cref="ConfigException">The profile does not exist.</exception>
    public void SetDefaultProfile(string name)
    {
        RequireExisting(name, ConfigKeys.DefaultProfile);
        Set(_document, ConfigKeys.DefaultProfile, JsonValue.Create(name));
        Set(ChildObject(_document, ConfigKeys.Preferences), ConfigKeys.DefaultProfile, JsonValue.Create(name));
    }

    /// <summary>Sets the preferred org for one profile, or the global default org when <paramref name="profile"/> is null.</summary>
    /// <param name="org">Org name or id.</param>
    /// <param name="profile">The profile it applies to, or <see langword="null"/> for all.</param>
    public void SetDefaultOrg(string org, string? profile = null)
    {
        SetPreference(ConfigKeys.DefaultOrg, ConfigKeys.ProfileOrgs, org, profile);
    }

    /// <summary>Sets the preferred region for one profile, or the global default region when <paramref name="profile"/> is null.</summary>
    /// <param name="region">Region name.</param>
    /// <param name="profile">The profile it applies to, or <see langword="null"/> for all.</param>
    public void SetDefaultRegion(string region, string? profile = null)
    {
        SetPreference(ConfigKeys.DefaultRegion, ConfigKeys.ProfileRegions, region, profile);
    }

    /// <summary>Validates the document and writes it atomically with mode 0600.</summary>
    /// <exception cref="ConfigException">The edited document is invalid (nothing is written).</exception>
    public void Save()
    {
        ToConfig();
        try
        {
            AtomicFile.WriteAllText(Path, ConfigCodecs.Serialize(_document, Format));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(
                ex.Message.StartsWith("'", StringComparison.Ordinal)
                    ? $"Config file {ex.Message.TrimEnd('.')}. Fix: make it and its folder writable for you, or name another file."
                    : $"Config file '{Path}' cannot be written: {ex.Message.TrimEnd('.')}. Fix: make it and its folder writable for you, or name another file.",
                Path,
                innerException: ex);
        }
    }

    private void SetPreference(string globalKey, string perProfileKey, string value, string? profile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        JsonObject prefs = ChildObject(_document, ConfigKeys.Preferences);
        if (profile is null)
        {
            Set(prefs, globalKey, JsonValue.Create(value));
        }
        else
        {
            RequireName(profile);
            ChildObject(prefs, perProfileKey)[profile] = value;
        }
    }

    private void RequireExisting(string name, string key)
    {
        RequireName(name);
        if (Find(_document, ConfigKeys.Profiles) is not JsonObject profiles || !profiles.ContainsKey(name))
        {
            throw new ConfigException(
                $"Profile '{name}' does not exist in config file '{Path}'. Fix: create it first.",
                Path,
                key);
        }
    }

    private static void RequireName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
    }

    private static JsonNode? Find(JsonObject obj, string canonical)
    {
        return ConfigSchemaReader.Find(obj, canonical).Value;
    }

    private static JsonObject ChildObject(JsonObject parent, string key, bool exactKey = false)
    {
        string existingKey = exactKey ? key : ConfigSchemaReader.Find(parent, key).Key ?? key;
        if (parent[existingKey] is JsonObject child)
        {
            return child;
        }

        child = [];
        parent[existingKey] = child;
        return child;
    }

    private static void Set(JsonObject obj, string canonical, JsonNode value)
    {
        obj[ConfigSchemaReader.Find(obj, canonical).Key ?? canonical] = value;
    }

    private static void RemoveIfEquals(JsonObject obj, string canonical, string value)
    {
        KeyValuePair<string, JsonNode?> found = ConfigSchemaReader.Find(obj, canonical);
        if (found.Key is not null && found.Value is JsonValue v && v.TryGetValue(out string? text) && text == value)
        {
            obj.Remove(found.Key);
        }
    }
}
