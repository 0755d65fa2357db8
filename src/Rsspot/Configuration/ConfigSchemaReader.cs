using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Configuration;

/// <summary>
/// Reads the config schema out of a document tree, accepting camelCase aliases and checking every value's
/// type. Errors name the file, the dotted key and the fix, and never echo a secret.
/// </summary>
internal sealed class ConfigSchemaReader(string? filePath)
{
    private static readonly string[] LegacyFlatMarkers =
    [
        ConfigKeys.Org, ConfigKeys.OrgId, ConfigKeys.Region, ConfigKeys.RefreshToken, ConfigKeys.AccessToken,
        ConfigKeys.ClientId, ConfigKeys.BaseUrl, ConfigKeys.OAuthUrl,
    ];

    /// <summary>Whether a document is a legacy flat file (profile keys at the top, no <c>profiles</c>).</summary>
    public static bool IsLegacyFlat(JsonObject root)
    {
        return Find(root, ConfigKeys.Profiles).Value is null
            && root.Any(p => LegacyFlatMarkers.Any(m => ConfigKeys.Matches(p.Key, m)));
    }

    public RsspotConfig Read(JsonObject root)
    {
        if (IsLegacyFlat(root))
        {
            return new RsspotConfig
            {
                Profiles = new Dictionary<string, ProfileConfig>(StringComparer.Ordinal) { ["default"] = ReadProfile(root, string.Empty) },
            };
        }

        var profiles = new Dictionary<string, ProfileConfig>(StringComparer.Ordinal);
        JsonObject? profilesNode = Object(root, ConfigKeys.Profiles, ConfigKeys.Profiles);
        if (profilesNode is not null)
        {
            foreach ((string name, JsonNode? node) in profilesNode)
            {
                string dotted = ConfigKeys.Profiles + "." + name;
                profiles[name] = node switch
                {
                    null => new ProfileConfig(),
                    JsonObject obj => ReadProfile(obj, dotted),
                    _ => throw TypeError(dotted, "a mapping of profile settings (org, region, refresh_token, ...)", node),
                };
            }
        }

        return new RsspotConfig
        {
            Version = Int(root, ConfigKeys.Version, ConfigKeys.Version),
            DefaultProfile = String(root, ConfigKeys.DefaultProfile, ConfigKeys.DefaultProfile),
            ActiveProfile = String(root, ConfigKeys.ActiveProfile, ConfigKeys.ActiveProfile),
            StatePath = String(root, ConfigKeys.StatePath, ConfigKeys.StatePath),
            Output = String(root, ConfigKeys.Output, ConfigKeys.Output),
            Profiles = profiles,
            Preferences = ReadPreferences(Object(root, ConfigKeys.Preferences, ConfigKeys.Preferences)),
            Retry = ReadRetry(Object(root, ConfigKeys.Retry, ConfigKeys.Retry), ConfigKeys.Retry),
            Cache = ReadCache(Object(root, ConfigKeys.Cache, ConfigKeys.Cache), ConfigKeys.Cache),
        };
    }

    internal static KeyValuePair<string, JsonNode?> Find(JsonObject obj, string canonical)
    {
        foreach (KeyValuePair<string, JsonNode?> pair in obj)
        {
            if (string.Equals(pair.Key, canonical, StringComparison.Ordinal))
            {
                return pair;
            }
        }

        foreach (KeyValuePair<string, JsonNode?> pair in obj)
        {
            if (ConfigKeys.Matches(pair.Key, canonical))
            {
                return pair;
            }
        }

        return default;
    }

    private ProfileConfig ReadProfile(JsonObject obj, string prefix)
    {
        string K(string key) => prefix.Length == 0 ? key : prefix + "." + key;
        var profile = new ProfileConfig
        {
            Retry = ReadRetry(Object(obj, ConfigKeys.Retry, K(ConfigKeys.Retry)), K(ConfigKeys.Retry)),
            Cache = ReadCache(Object(obj, ConfigKeys.Cache, K(ConfigKeys.Cache)), K(ConfigKeys.Cache)),
        };
        foreach (ProfileSetting setting in ProfileSettingTable.All)
        {
            profile = setting.With(profile, Read(obj, setting, K(setting.Key)));
        }

        return profile;
    }

    /// <summary>The scalar profile settings of <paramref name="obj"/> (no retry or cache blocks), checked like a profile's.</summary>
    public ProfileConfig ReadSettings(JsonObject obj, string prefix)
    {
        var profile = new ProfileConfig();
        foreach (ProfileSetting setting in ProfileSettingTable.All)
        {
            profile = setting.With(profile, Read(obj, setting, prefix + "." + setting.Key));
        }

        return profile;
    }

    private object? Read(JsonObject obj, ProfileSetting setting, string dotted)
    {
        return setting.Kind switch
        {
            ProfileSettingKind.Url => Url(obj, setting.Key, dotted),
            ProfileSettingKind.Number => Number(obj, setting.Key, dotted, min: setting.Min, max: setting.Max),
            ProfileSettingKind.WholeNumber => Int(obj, setting.Key, dotted, min: (int)setting.Min, max: (int)setting.Max),
            ProfileSettingKind.Bool => Bool(obj, setting.Key, dotted),
            ProfileSettingKind.Usd => Usd(obj, setting.Key, dotted),
            _ => String(obj, setting.Key, dotted),
        };
    }

    private PreferencesConfig ReadPreferences(JsonObject? obj)
    {
        if (obj is null)
        {
            return new PreferencesConfig();
        }

        const string p = ConfigKeys.Preferences + ".";
        return new PreferencesConfig
        {
            DefaultProfile = String(obj, ConfigKeys.DefaultProfile, p + ConfigKeys.DefaultProfile),
            DefaultOrg = String(obj, ConfigKeys.DefaultOrg, p + ConfigKeys.DefaultOrg),
            DefaultRegion = String(obj, ConfigKeys.DefaultRegion, p + ConfigKeys.DefaultRegion),
            ProfileOrgs = StringMap(obj, ConfigKeys.ProfileOrgs, p + ConfigKeys.ProfileOrgs),
            ProfileRegions = StringMap(obj, ConfigKeys.ProfileRegions, p + ConfigKeys.ProfileRegions),
        };
    }

    private RetryConfig ReadRetry(JsonObject? obj, string prefix)
    {
        if (obj is null)
        {
            return new RetryConfig();
        }

        IReadOnlyList<int>? statuses = null;
        KeyValuePair<string, JsonNode?> found = Find(obj, ConfigKeys.RetryStatuses);
        string statusesKey = prefix + "." + ConfigKeys.RetryStatuses;
        if (found.Value is JsonArray array)
        {
            var list = new List<int>();
            foreach (JsonNode? item in array)
            {
                if (item is null || item.GetValueKind() != JsonValueKind.Number || !int.TryParse(item.ToJsonString(), CultureInfo.InvariantCulture, out int code) || code is < 100 or > 599)
                {
                    throw TypeError(statusesKey, "a list of HTTP status codes such as [429, 500, 502, 503, 504]", item);
                }

                list.Add(code);
            }

            statuses = list;
        }
        else if (found.Value is not null)
        {
            throw TypeError(statusesKey, "a list of HTTP status codes such as [429, 500, 502, 503, 504]", found.Value);
        }

        return new RetryConfig
        {
            MaxAttempts = Int(obj, ConfigKeys.MaxAttempts, prefix + "." + ConfigKeys.MaxAttempts, min: 1, max: SettingRanges.MaxRetries + 1),
            BaseDelay = Number(obj, ConfigKeys.BaseDelay, prefix + "." + ConfigKeys.BaseDelay, min: 0, max: SettingRanges.MaxDelaySeconds),
            MaxDelay = Number(obj, ConfigKeys.MaxDelay, prefix + "." + ConfigKeys.MaxDelay, min: 0, max: SettingRanges.MaxDelaySeconds),
            Jitter = Number(obj, ConfigKeys.Jitter, prefix + "." + ConfigKeys.Jitter, min: 0, max: SettingRanges.MaxDelaySeconds),
            RetryStatuses = statuses,
        };
    }

    private CacheConfig ReadCache(JsonObject? obj, string prefix)
    {
        if (obj is null)
        {
            return new CacheConfig();
        }

        CacheBackend? backend = null;
        string backendKey = prefix + "." + ConfigKeys.Backend;
        string? backendText = String(obj, ConfigKeys.Backend, backendKey);
        if (backendText is not null)
        {
            backend = backendText.ToUpperInvariant() switch
            {
                "SQLITE" => CacheBackend.Sqlite,
                "MEMORY" => CacheBackend.Memory,
                _ => throw Error(backendKey, $"must be 'sqlite' or 'memory' (got '{backendText}')", $"set '{backendKey}' to sqlite or memory"),
            };
        }

        Dictionary<string, double>? ttls = null;
        string ttlKey = prefix + "." + ConfigKeys.TtlDefaults;
        JsonObject? ttlNode = Object(obj, ConfigKeys.TtlDefaults, ttlKey);
        if (ttlNode is not null)
        {
            ttls = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach ((string key, JsonNode? _) in ttlNode)
            {
                ttls[key] = Number(ttlNode, key, ttlKey + "." + key, min: 0, max: SettingRanges.MaxTtlSeconds, exactKey: true)
                    ?? throw TypeError(ttlKey + "." + key, "a number of seconds", null);
            }
        }

        return new CacheConfig
        {
            Enabled = Bool(obj, ConfigKeys.Enabled, prefix + "." + ConfigKeys.Enabled),
            DefaultTtl = Number(obj, ConfigKeys.DefaultTtl, prefix + "." + ConfigKeys.DefaultTtl, min: 0, max: SettingRanges.MaxTtlSeconds),
            MaxEntries = Int(obj, ConfigKeys.MaxEntries, prefix + "." + ConfigKeys.MaxEntries, min: 1, max: SettingRanges.MaxCacheEntries),
            Backend = backend,
            TtlDefaults = ttls,
        };
    }

    private JsonObject? Object(JsonObject obj, string canonical, string dotted)
    {
        JsonNode? node = Find(obj, canonical).Value;
        return node switch
        {
            null => null,
            JsonObject child => child,
            _ => throw TypeError(dotted, "a mapping", node),
        };
    }

    private Dictionary<string, string> StringMap(JsonObject obj, string canonical, string dotted)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonObject? map = Object(obj, canonical, dotted);
        if (map is null)
        {
            return result;
        }

        foreach ((string key, JsonNode? _) in map)
        {
            string? value = String(map, key, dotted + "." + key, exactKey: true);
            if (value is not null)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private string? String(JsonObject obj, string canonical, string dotted, bool exactKey = false)
    {
        JsonNode? node = exactKey ? obj[canonical] : Find(obj, canonical).Value;
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => node.ToJsonString(),
            _ => throw TypeError(dotted, "a text value", node),
        };
    }

    private string? Url(JsonObject obj, string canonical, string dotted)
    {
        string? value = String(obj, canonical, dotted);
        if (value is not null && !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            throw Error(dotted, $"must be an absolute URL such as https://example.com (got '{value}')", $"correct '{dotted}'");
        }

        return value;
    }

    private bool? Bool(JsonObject obj, string canonical, string dotted)
    {
        JsonNode? node = Find(obj, canonical).Value;
        if (node is null)
        {
            return null;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                bool? parsed = ParseBool(node.GetValue<string>());
                if (parsed is not null)
                {
                    return parsed;
                }

                break;
        }

        throw TypeError(dotted, "true or false", node);
    }

    private int? Int(JsonObject obj, string canonical, string dotted, int min = int.MinValue, int max = int.MaxValue)
    {
        double? value = Number(obj, canonical, dotted, min, max);
        if (value is null)
        {
            return null;
        }

        if (value != Math.Floor(value.Value) || value > int.MaxValue)
        {
            throw TypeError(dotted, "a whole number", Find(obj, canonical).Value);
        }

        return (int)value.Value;
    }

    private double? Number(JsonObject obj, string canonical, string dotted, double min = double.MinValue, double max = double.MaxValue, bool exactKey = false)
    {
        JsonNode? node = exactKey ? obj[canonical] : Find(obj, canonical).Value;
        if (node is null)
        {
            return null;
        }

        string text = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>(),
            _ => throw TypeError(dotted, "a number", node),
        };

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw TypeError(dotted, "a number", node);
        }

        if (value < min)
        {
            throw Error(dotted, $"must be at least {min.ToString(CultureInfo.InvariantCulture)} (got {text})", $"set '{dotted}' to a larger value");
        }

        if (value > max)
        {
            throw Error(dotted, $"must be at most {max.ToString(CultureInfo.InvariantCulture)} (got {text})", $"set '{dotted}' to a smaller value");
        }

        return value;
    }

    // Money reads one way: digits and a '.', in every locale (InvariantNumber); a JSON number is taken as written.
    private decimal? Usd(JsonObject obj, string canonical, string dotted)
    {
        JsonNode? node = Find(obj, canonical).Value;
        if (node is null)
        {
            return null;
        }

        string text = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>(),
            _ => throw TypeError(dotted, "a USD amount such as 0.25", node),
        };

        if (!InvariantNumber.TryParseDecimal(text, allowDollar: true, out decimal value))
        {
            throw Error(dotted, InvariantNumber.Complaint(dotted, text, "0.25", allowDollar: true), $"set '{dotted}' to a USD amount such as 0.25");
        }

        if (value is <= 0m or > 1_000_000m)
        {
            throw Error(dotted, InvariantNumber.OutOfRange(dotted, text, "above 0 and at most 1000000 (USD)"), $"set '{dotted}' to a USD amount such as 0.25");
        }

        return value;
    }

    internal static bool? ParseBool(string text)
    {
        return text.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "ON" or "1" => true,
            "FALSE" or "NO" or "OFF" or "0" => false,
            _ => null,
        };
    }

    private ConfigException TypeError(string dotted, string expected, JsonNode? node)
    {
        string got = node switch
        {
            null => "nothing",
            JsonObject => "a mapping",
            JsonArray => "a list",
            _ when SecretPolicy.IsSecretName(dotted) => "a " + node.GetValueKind().ToString().ToLowerInvariant() + " value",
            _ => "'" + (node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString()) + "'",
        };
        return Error(dotted, $"must be {expected} (got {got})", $"set '{dotted}' to {expected}");
    }

    private ConfigException Error(string dotted, string problem, string fix)
    {
        string where = filePath is null ? "Config" : $"Config file '{filePath}'";
        return new ConfigException($"{where}: '{dotted}' {problem}. Fix: {fix}.", filePath, dotted);
    }
}
